package org.concord.notifications.delivery.application;

import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.domain.DeliveryClaim;
import org.concord.notifications.delivery.persistence.DeliveryRepository;
import org.concord.notifications.delivery.persistence.DueDelivery;
import org.concord.notifications.subscription.domain.Subscription;
import org.concord.notifications.subscription.domain.WebhookSecret;
import org.concord.notifications.subscription.persistence.SubscriptionRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.concord.notifications.webhook.ClaimHolder;
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
 * Sends due deliveries, each endpoint (subscription) on its own, as Svix does. A round asks every active endpoint that
 * is not backing off after a failure for its oldest due deliveries, as many as it has free slots here
 * ({@code max-in-flight-per-endpoint}; one for an endpoint that is failing: a probe), claims each with a conditional
 * UPDATE (so two instances never send one delivery at the same time) and starts its send without waiting for it.
 * A round runs every {@code poll-interval}, when events were queued, and when a send ends (its slot is free again),
 * so one endpoint with a backlog keeps all its slots busy, while its backlog is never read for another endpoint.
 * At most {@code max-concurrency} sends are in flight per instance.
 *
 * <p>At least once: the deliveries an instance was sending when it died are sent again. It gives their claims back when
 * it starts again (they are held under its {@link ClaimHolder} name); an instance that does not come back leaves them
 * to expire.
 */
@Component
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** How long the rounds pause after they ended by an error, before they start again. */
    static final Duration RESTART_AFTER = Duration.ofSeconds(1);
    /**
     * How long a round may take: its statements take milliseconds, so a round still running after this waits on a
     * database that does not answer, and every endpoint waits with it. Well within a claim's time, so that the sends
     * of a round's last claims start before those claims expire.
     */
    static final Duration ROUND_WITHIN = Duration.ofSeconds(15);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final DeliveryService service;
    private final WebhookClient client;
    private final WebhookProperties properties;
    private final Clock clock;
    private final DeliveryObserver observer;
    private final ClaimHolder holder;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private final Map<UUID, Integer> inFlightPerEndpoint = new HashMap<>();
    private int inFlight;
    private volatile Disposable loop;

    public DeliveryDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions,
            DeliveryService service, WebhookClient client, WebhookProperties properties, ClaimHolder holder,
            Clock clock, java.util.Optional<DeliveryObserver> observer) {
        this.observer = observer.orElse(DeliveryObserver.NONE);
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.service = service;
        this.client = client;
        this.properties = properties;
        this.holder = holder;
        this.clock = clock;
    }

    /** Looks for due deliveries now rather than at the next poll (after events were queued, or a send ended). */
    public void wakeUp() {
        // emissions must not overlap: sends end on many threads at once, and a wake-up lost to that would leave a free
        // slot unused until the next poll
        synchronized (wakeUps) {
            wakeUps.tryEmitNext(Boolean.TRUE);
        }
    }

    @Override
    public void start() {
        // first what this instance held when it last stopped, then the rounds
        loop = releaseOwnClaims().thenMany(rounds())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
    }

    private Flux<Void> rounds() {
        return rounds(() -> whenToLook(properties.pollInterval(), wakeUps.asFlux()), this::dispatchDue,
                ROUND_WITHIN, RESTART_AFTER);
    }

    /**
     * One round at a time; wake-ups during a round are folded into one more round right after it. A round that fails,
     * or has not ended within {@code roundWithin} (the database did not answer), is logged and the next one runs. The
     * rounds end only by {@link #stop()}: an error of the signals, or of a round that throws instead of failing, is
     * logged with its cause and the rounds start again after {@code restartAfter}.
     */
    static Flux<Void> rounds(Supplier<Flux<Boolean>> whenToLook, Supplier<Mono<Void>> round, Duration roundWithin,
            Duration restartAfter) {
        return Flux.defer(whenToLook)
                .concatMap(signal -> round.get()
                        .timeout(roundWithin, Mono.fromRunnable(() -> log.warn("a round looking for due deliveries "
                                + "has not ended within {} (the database did not answer); the next one runs",
                                roundWithin)))
                        .onErrorResume(error -> {
                            log.warn("could not look for due deliveries: {}", error.toString());
                            return Mono.empty();
                        }), 0)
                .doOnError(error -> log.error("webhook delivery rounds ended by an error; they start again in {}",
                        restartAfter, error))
                // logged just above, with its cause: not again by the subscriber as an unhandled error
                .onErrorComplete()
                .repeatWhen(ended -> ended.delayElements(restartAfter));
    }

    /**
     * A signal every {@code pollInterval} and at each wake-up, at most one waiting while a round runs. A round started
     * by a wake-up runs on the waking thread and holds the merge meanwhile (H2 runs statements on the caller's
     * thread); the ticks it misses are dropped, since the interval fails, and ends the rounds, once more than the
     * merge's buffer (32) wait.
     */
    static Flux<Boolean> whenToLook(Duration pollInterval, Flux<Boolean> wakeUps) {
        Flux<Boolean> ticks = Flux.interval(Duration.ZERO, pollInterval).onBackpressureDrop().map(tick -> Boolean.TRUE);
        return Flux.merge(ticks, wakeUps).onBackpressureLatest();
    }

    private Mono<Void> releaseOwnClaims() {
        return deliveries.releaseClaimsOf(holder.name())
                .doOnNext(released -> log.info("claims webhook deliveries as {}; gave back {} it held when it last "
                        + "stopped (they are sent again)", holder.name(), released))
                .onErrorResume(error -> {
                    log.warn("could not give back this instance's earlier claims; they expire: {}", error.toString());
                    return Mono.empty();
                })
                .then();
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

    /**
     * One round: for each endpoint that can be tried now, claim its due deliveries up to its free slots (one UPDATE)
     * and send them.
     */
    Mono<Void> dispatchDue() {
        Instant now = clock.instant();
        return subscriptions.ready(now)
                .concatMap(endpoint -> {
                    int free = freeSlots(endpoint);
                    return free <= 0 ? Mono.<Void>empty() : deliveries.due(endpoint.id(), now, free).collectList()
                            .flatMap(due -> claimAndSend(endpoint, due, now));
                })
                .then();
    }

    private Mono<Void> claimAndSend(Subscription endpoint, List<DueDelivery> due, Instant now) {
        List<DueDelivery> reserved = due.subList(0, reserve(endpoint.id(), due.size()));
        // the slots go either to the sends or back, once: a round may also end by an error or be cut off (timeout)
        AtomicBoolean settled = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (settled.compareAndSet(false, true)) {
                reserved.forEach(delivery -> release(endpoint.id()));
            }
        };
        return deliveries.claim(reserved.stream().map(each -> each.delivery().id()).toList(), holder.name(), now,
                        now.plus(properties.claimFor()))
                .doOnNext(claim -> {
                    if (!settled.compareAndSet(false, true)) {
                        return;
                    }
                    Mono<ClaimedEndpoint> claimed = claimed(endpoint, now).cache();
                    reserved.forEach(each -> {
                        if (claim.deliveries().contains(each.delivery().id())) {
                            send(each, claim, claimed);
                        } else {
                            release(endpoint.id());
                        }
                    });
                })
                .doOnError(error -> giveBack.run())
                .doOnCancel(giveBack)
                .then();
    }

    /** The endpoint as the sends of a claim see it, with the secrets they sign with. */
    private record ClaimedEndpoint(Subscription subscription, List<WebhookSecret> secrets) {
    }

    /**
     * Read once per claim, after it: the endpoint's secrets as of the claim (a secret whose overlap window ends before
     * the sends still signs them, beside the current one), none once it is no longer active. Only then is the endpoint
     * read again, to tell one disabled since the round read it (its deliveries are abandoned) or deleted (empty:
     * nothing is sent or written; the deletion cancelled the claimed deliveries) from one still active without a
     * valid secret (sent all the same: the attempt fails).
     */
    private Mono<ClaimedEndpoint> claimed(Subscription endpoint, Instant claimedAt) {
        return subscriptions.secretsIfActive(endpoint.id(), claimedAt)
                .flatMap(secrets -> secrets.isEmpty()
                        ? subscriptions.find(endpoint.id()).map(current -> new ClaimedEndpoint(current, secrets))
                        : Mono.just(new ClaimedEndpoint(endpoint, secrets)));
    }

    /**
     * Starts one send; it runs on its own, and when its attempt is recorded its slot is free for the next delivery. A
     * send whose attempt is not recorded within the claim's time frees its slot all the same: the claim expires then,
     * and the delivery is sent again.
     */
    private void send(DueDelivery due, DeliveryClaim claim, Mono<ClaimedEndpoint> claimed) {
        Delivery delivery = due.delivery();
        claimed.flatMap(endpoint -> endpoint.subscription().status() == Subscription.Status.ACTIVE
                        ? attempt(due, claim, endpoint)
                        : service.abandon(delivery, claim, endpoint.subscription(),
                                "not sent: subscription " + endpoint.subscription().status()))
                .timeout(properties.claimFor(), Mono.fromRunnable(() -> log.warn("delivery {}: its attempt was not "
                        + "recorded within {} (the database did not answer); its slot is free again, and it is sent "
                        + "again once its claim expires", delivery.id(), properties.claimFor())))
                .doFinally(signal -> {
                    release(delivery.subscriptionId());
                    wakeUp();
                })
                .subscribe(ignored -> { }, error -> log.error("delivery {} attempt could not be recorded; it is "
                        + "sent again when this instance starts again or its claim expires", delivery.id(), error));
    }

    private Mono<Void> attempt(DueDelivery due, DeliveryClaim claim, ClaimedEndpoint endpoint) {
        Delivery delivery = due.delivery();
        Subscription subscription = endpoint.subscription();
        Instant attemptedAt = clock.instant();
        return observer.attempt(delivery, due.traceparent(), traceparent -> client.send(new WebhookRequest(
                        URI.create(subscription.url().toString()), delivery.eventId(),
                        due.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), endpoint.secrets(),
                        traceparent))
                .flatMap(response -> service.recordAttempt(delivery, claim, subscription, response, attemptedAt)
                        .map(verdict -> new DeliveryObserver.Attempted(response, verdict))))
                .then();
    }

    private synchronized int freeSlots(Subscription endpoint) {
        int endpointFree = endpoint.sendsAtOnce(properties.maxInFlightPerEndpoint())
                - inFlightPerEndpoint.getOrDefault(endpoint.id(), 0);
        return Math.min(endpointFree, properties.maxConcurrency() - inFlight);
    }

    /** Takes up to {@code wanted} slots of the endpoint, as many as are free here; returns how many it took. */
    private synchronized int reserve(UUID subscriptionId, int wanted) {
        int endpoint = inFlightPerEndpoint.getOrDefault(subscriptionId, 0);
        int taken = Math.max(0, Math.min(wanted, Math.min(properties.maxConcurrency() - inFlight,
                properties.maxInFlightPerEndpoint() - endpoint)));
        if (taken > 0) {
            inFlight += taken;
            inFlightPerEndpoint.put(subscriptionId, endpoint + taken);
        }
        return taken;
    }

    private synchronized void release(UUID subscriptionId) {
        inFlight--;
        inFlightPerEndpoint.computeIfPresent(subscriptionId, (id, count) -> count <= 1 ? null : count - 1);
    }
}
