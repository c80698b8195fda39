package org.concord.notifications.delivery.application;

import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.persistence.DeliveryRepository;
import org.concord.notifications.subscription.domain.Subscription;
import org.concord.notifications.subscription.persistence.SubscriptionRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.concord.notifications.webhook.WebhookClient;
import org.concord.notifications.webhook.WebhookProperties;
import org.concord.notifications.webhook.WebhookRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Sends due deliveries. Every {@code poll-interval}, and at once when woken (after an event was queued), it
 * claims due rows one by one with a conditional UPDATE (so two instances never send one delivery at the same
 * time) and starts each send on its own, without waiting for it: one slow or failing endpoint never delays
 * another. At most {@code max-concurrency} sends are in flight per instance, and at most
 * {@code max-in-flight-per-endpoint} per subscription; an endpoint at its limit is skipped in the query.
 *
 * <p>At least once: an instance that dies mid-send leaves its claim to expire, and the delivery is sent again.
 */
@Component
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final DeliveryService service;
    private final WebhookClient client;
    private final WebhookProperties properties;
    private final Clock clock;
    private final DeliveryObserver observer;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private final Map<UUID, Integer> inFlightPerEndpoint = new HashMap<>();
    private int inFlight;
    private volatile Disposable loop;

    public DeliveryDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions,
            DeliveryService service, WebhookClient client, WebhookProperties properties, Clock clock,
            java.util.Optional<DeliveryObserver> observer) {
        this.observer = observer.orElse(DeliveryObserver.NONE);
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.service = service;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    /** Looks for due deliveries now rather than at the next poll (called after events were queued). */
    public void wakeUp() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    @Override
    public void start() {
        loop = Flux.merge(Flux.interval(Duration.ZERO, properties.pollInterval()).map(tick -> Boolean.TRUE),
                        wakeUps.asFlux())
                .onBackpressureDrop()
                .concatMap(signal -> dispatchDue()
                        .onErrorResume(error -> {
                            log.warn("could not look for due deliveries: {}", error.toString());
                            return Mono.empty();
                        }), 1)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = loop;
        return running != null && !running.isDisposed();
    }

    /** One round: claim what is due (within the concurrency limits) and start sending each. */
    Mono<Void> dispatchDue() {
        int capacity;
        Set<UUID> busy;
        synchronized (this) {
            capacity = properties.maxConcurrency() - inFlight;
            busy = inFlightPerEndpoint.entrySet().stream()
                    .filter(e -> e.getValue() >= properties.maxInFlightPerEndpoint())
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }
        if (capacity <= 0) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return deliveries.due(now, Math.min(capacity, properties.batchSize()), busy)
                .concatMap(delivery -> {
                    if (!reserve(delivery.subscriptionId())) {
                        return Mono.empty();
                    }
                    return deliveries.claim(delivery.id(), now, now.plus(properties.claimFor()))
                            .doOnNext(claimed -> {
                                if (claimed) {
                                    send(delivery);
                                } else {
                                    release(delivery.subscriptionId());
                                }
                            })
                            .doOnError(error -> release(delivery.subscriptionId()));
                })
                .then();
    }

    /** Starts one send; it runs on its own and frees its slot when its attempt is recorded. */
    private void send(Delivery delivery) {
        subscriptions.find(delivery.subscriptionId())
                .flatMap(subscription -> subscription.status() == Subscription.Status.ACTIVE
                        ? attempt(delivery, subscription)
                        : service.abandon(delivery, subscription, "not sent: subscription " + subscription.status()))
                .doFinally(signal -> release(delivery.subscriptionId()))
                .subscribe(ignored -> { }, error -> log.error("delivery {} attempt could not be recorded; "
                        + "it will be retried when its claim expires", delivery.id(), error));
    }

    private Mono<Void> attempt(Delivery delivery, Subscription subscription) {
        Instant attemptedAt = clock.instant();
        return observer.attempt(delivery, traceparent -> subscriptions.validSecrets(subscription.id(), attemptedAt)
                .flatMap(secrets -> client.send(new WebhookRequest(URI.create(subscription.url().toString()),
                        delivery.eventId(), delivery.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        secrets, traceparent)))
                .flatMap(response -> service.recordAttempt(delivery, subscription, response, attemptedAt)
                        .map(verdict -> new DeliveryObserver.Attempted(response, verdict))))
                .then();
    }

    private synchronized boolean reserve(UUID subscriptionId) {
        int endpoint = inFlightPerEndpoint.getOrDefault(subscriptionId, 0);
        if (inFlight >= properties.maxConcurrency() || endpoint >= properties.maxInFlightPerEndpoint()) {
            return false;
        }
        inFlight++;
        inFlightPerEndpoint.put(subscriptionId, endpoint + 1);
        return true;
    }

    private synchronized void release(UUID subscriptionId) {
        inFlight--;
        inFlightPerEndpoint.computeIfPresent(subscriptionId, (id, count) -> count <= 1 ? null : count - 1);
    }
}
