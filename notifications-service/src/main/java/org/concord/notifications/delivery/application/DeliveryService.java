package org.concord.notifications.delivery.application;

import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.domain.DeliveryAttempt;
import org.concord.notifications.delivery.domain.DeliveryClaim;
import org.concord.notifications.delivery.domain.DeliveryLog;
import org.concord.notifications.delivery.domain.DeliveryNotFound;
import org.concord.notifications.delivery.domain.DeliveryNotRetryable;
import org.concord.notifications.delivery.domain.RetrySchedule;
import org.concord.notifications.delivery.domain.WebhookResponse;
import org.concord.notifications.delivery.persistence.DeliveryRepository;
import org.concord.notifications.subscription.domain.Subscription;
import org.concord.notifications.subscription.domain.SubscriptionNotFound;
import org.concord.notifications.subscription.persistence.SubscriptionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.concord.notifications.webhook.WebhookProperties;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.concord.platform.observability.TraceContext;
import org.concord.notifications.subscription.application.PendingDeliveries;
import org.concord.platform.usecase.AfterCommit;
import org.concord.platform.usecase.GroupCommit;
import org.concord.platform.usecase.UseCases;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Webhook deliveries, one use case each ({@link UseCases}): queueing an event for the subscriptions that want it,
 * recording an attempt (with the delivery's new state, the endpoint's health and, when the delivery is done, its
 * outcome event in the outbox), and an operator's "send it now" (a pending delivery) or "send it again" (a failed
 * one), as Svix has them.
 */
@Service
public class DeliveryService implements PendingDeliveries, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final DeliveryOutcomes outcomes;
    private final ObjectProvider<DeliveryDispatcher> dispatcher;
    private final UseCases useCases;
    private final GroupCommit attemptRecords;
    private final RetrySchedule schedule;
    private final WebhookProperties properties;
    private final TraceContext trace;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, SubscriptionRepository subscriptions, DeliveryOutcomes outcomes,
            ObjectProvider<DeliveryDispatcher> dispatcher, UseCases useCases, WebhookProperties properties,
            TraceContext trace, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.outcomes = outcomes;
        this.dispatcher = dispatcher;
        this.useCases = useCases;
        this.attemptRecords = new GroupCommit(useCases, properties.maxConcurrency());
        this.properties = properties;
        this.schedule = new RetrySchedule(properties.retrySchedule(), properties.retryJitter());
        this.trace = trace;
        this.clock = clock;
    }

    /**
     * Queues the event for every active subscription that wants it, in the caller's transaction (the consumer's): its
     * payload is stored once, then one delivery per subscription. Nothing is stored when no subscription wants it.
     * Once it commits the dispatcher is woken.
     *
     * @param payload the exact body to send: the CloudEvent in structured JSON form
     * @return how many deliveries were queued
     */
    public Mono<Integer> queue(String eventId, String eventType, Collection<String> agreementRegions, String payload) {
        Instant now = clock.instant();
        return subscriptions.findActive()
                .filter(subscription -> subscription.wants(eventType, agreementRegions))
                .collectList()
                .flatMap(wanting -> wanting.isEmpty() ? Mono.just(0)
                        : deliveries.insertMessage(eventId, eventType, payload, now)
                                .then(deliveries.insert(wanting.stream()
                                        .map(subscription -> Delivery.queue(subscription.id(), eventId, eventType, now))
                                        .toList()))
                                .then(AfterCommit.run(this::wakeDispatcher))
                                .thenReturn(wanting.size()));
    }

    /**
     * Records one attempt and its consequences in one transaction: the attempt log, the delivery's next state,
     * the endpoint's failing-since mark and back-off (and disabling it after 410 Gone or failures for longer than
     * {@code disable-after}), and the outcome event once the delivery is done. Attempts that end while others are
     * being recorded share the next transaction ({@link GroupCommit}).
     *
     * <p>Only while {@code claim} still holds the delivery: once another claim has taken it (this sender outlived its
     * claim), nothing of the attempt is written, not even its log entry, and the result is empty. The holder sends it
     * again and records its own attempt, under the same number.
     */
    public Mono<Delivery.Verdict> recordAttempt(Delivery delivery, DeliveryClaim claim, Subscription subscription,
            WebhookResponse response, Instant attemptedAt) {
        Instant now = clock.instant();
        int attempt = delivery.attempts() + 1;
        Delivery.Verdict verdict = delivery.judge(response, schedule, now, ThreadLocalRandom.current()::nextDouble);
        if (verdict instanceof Delivery.Verdict.RetryAt
                && subscription.failingLongerThan(properties.disableAfter(), now)) {
            verdict = new Delivery.Verdict.EndpointGone("failing since " + subscription.failingSince()
                    + ", longer than " + properties.disableAfter() + "; last: " + describe(response)
                    + "; subscription disabled");
        }
        Delivery.Verdict decided = verdict;
        DeliveryAttempt logged = new DeliveryAttempt(attempt, attemptedAt, response.statusCode(),
                response.duration().toMillis(), response.error());
        return attemptRecords.run(() -> ifWritten(apply(decided, delivery, claim, subscription, attempt, response, now),
                        () -> deliveries.addAttempt(delivery.id(), logged)))
                .flatMap(written -> written ? Mono.just(decided)
                        : claimLost(delivery, claim, "attempt " + attempt + " (" + describe(response) + ")"));
    }

    private Mono<Boolean> apply(Delivery.Verdict verdict, Delivery delivery, DeliveryClaim claim,
            Subscription subscription, int attempt, WebhookResponse response, Instant now) {
        if (verdict instanceof Delivery.Verdict.Delivered) {
            return ifWritten(done(delivery, claim, subscription, attempt, response, Delivery.Status.DELIVERED, null,
                    now), () -> subscriptions.recordSuccess(subscription.id()));
        }
        if (verdict instanceof Delivery.Verdict.RetryAt retry) {
            Delivery next = new Delivery(delivery.id(), delivery.subscriptionId(), delivery.eventId(),
                    delivery.eventType(), Delivery.Status.PENDING, attempt, retry.at(), false, response.statusCode(),
                    retry.failure(), delivery.createdAt(), null);
            return ifWritten(deliveries.update(next, claim.token()), () -> trace.logging(() -> log.debug(
                            "delivery {} attempt {} failed ({}); next at {}", delivery.id(), attempt, retry.failure(),
                            retry.at()))
                    .then(recordFailure(subscription, now)));
        }
        if (verdict instanceof Delivery.Verdict.GaveUp gaveUp) {
            return ifWritten(done(delivery, claim, subscription, attempt, response, Delivery.Status.FAILED,
                    gaveUp.reason(), now), () -> recordFailure(subscription, now));
        }
        Delivery.Verdict.EndpointGone gone = (Delivery.Verdict.EndpointGone) verdict;
        return ifWritten(done(delivery, claim, subscription, attempt, response, Delivery.Status.FAILED, gone.reason(),
                now), () -> disable(subscription, gone.reason(), now));
    }

    /** Runs {@code then} only if the delivery's row was written: a change and its consequences commit together. */
    private static Mono<Boolean> ifWritten(Mono<Boolean> written, Supplier<Mono<Void>> then) {
        return written.flatMap(done -> done ? then.get().thenReturn(true) : Mono.just(false));
    }

    /** Logged once the transaction that wrote nothing has committed, so once per lost claim. */
    private <T> Mono<T> claimLost(Delivery delivery, DeliveryClaim claim, String what) {
        return deliveries.holdingOf(delivery.id()).map(DeliveryService::holdingNow)
                .flatMap(now -> trace.logging(() -> log.info("delivery {}: {} not recorded, the claim of {} no "
                        + "longer holds it ({})", delivery.id(), what, claim.holder(), now)))
                .then(Mono.empty());
    }

    private static String holdingNow(DeliveryRepository.Holding now) {
        return now.status() != Delivery.Status.PENDING ? "the delivery is " + now.status() + " now"
                : "held by " + (now.holder() == null ? "nobody" : now.holder()) + " now";
    }

    private Mono<Void> recordFailure(Subscription subscription, Instant now) {
        return subscriptions.recordFailure(subscription.id(), now,
                subscription.backoffUntil(now, properties.minEndpointBackoff(), properties.maxEndpointBackoff()));
    }

    /**
     * Ends a claimed delivery without sending it: its subscription is no longer active. Nothing is written if
     * {@code claim} no longer holds it.
     */
    public Mono<Void> abandon(Delivery delivery, DeliveryClaim claim, Subscription subscription, String reason) {
        Instant now = clock.instant();
        return useCases.run(() -> done(delivery, claim, subscription, delivery.attempts(), null, Delivery.Status.FAILED,
                        reason, now))
                .flatMap(written -> written ? Mono.<Void>empty()
                        : claimLost(delivery, claim, "its end (" + reason + ")"));
    }

    /**
     * An operator's "send it now": a pending delivery's next attempt is brought forward to now (its retry schedule
     * goes on if it fails); a failed one is sent once more (by hand, e.g. after the receiver was fixed). Either way the
     * endpoint's back-off ends: the operator says it is worth trying now.
     */
    public Mono<Delivery> sendNow(UUID subscriptionId, UUID deliveryId) {
        Instant now = clock.instant();
        return useCases.run(() -> activeSubscription(subscriptionId)
                .then(subscriptions.endBackoff(subscriptionId))
                .then(deliveries.find(subscriptionId, deliveryId))
                .switchIfEmpty(Mono.error(() -> new DeliveryNotFound(subscriptionId, deliveryId)))
                .flatMap(delivery -> bringForward(delivery, now)
                        .flatMap(done -> done ? deliveries.find(subscriptionId, deliveryId)
                                : Mono.error(new DeliveryNotRetryable(notRetryable(delivery))))))
                .doOnNext(delivery -> {
                    log.info("delivery {} of event {} to subscription {} sent now by hand", delivery.id(),
                            delivery.eventId(), subscriptionId);
                    wakeDispatcher();
                });
    }

    private Mono<Boolean> bringForward(Delivery delivery, Instant now) {
        return switch (delivery.status()) {
            case FAILED -> deliveries.retryByHand(delivery.subscriptionId(), delivery.id(), now);
            case PENDING -> deliveries.sendNow(delivery.subscriptionId(), delivery.id(), now);
            default -> Mono.just(false);
        };
    }

    private static String notRetryable(Delivery delivery) {
        return delivery.status() == Delivery.Status.PENDING
                ? "delivery " + delivery.id() + " is being sent right now; its attempt appears in the log"
                : "delivery " + delivery.id() + " is " + delivery.status()
                        + "; only a PENDING delivery can be sent now or a FAILED one sent again";
    }

    private Mono<Subscription> activeSubscription(UUID subscriptionId) {
        return subscriptions.find(subscriptionId)
                .switchIfEmpty(Mono.error(() -> new SubscriptionNotFound(subscriptionId)))
                .flatMap(subscription -> subscription.status() == Subscription.Status.ACTIVE ? Mono.just(subscription)
                        : Mono.error(new DeliveryNotRetryable("subscription " + subscriptionId + " is "
                                + subscription.status() + " (" + subscription.disabledReason()
                                + "); enable it first: POST /api/subscriptions/" + subscriptionId + "/enable")));
    }

    public Mono<Page<DeliveryLog>> deliveries(UUID subscriptionId, PageQuery query) {
        return subscriptions.find(subscriptionId)
                .switchIfEmpty(Mono.error(() -> new SubscriptionNotFound(subscriptionId)))
                .then(deliveries.page(subscriptionId, query))
                .flatMap(page -> deliveries.attemptsOf(page.items().stream().map(Delivery::id).toList())
                        .map(attempts -> page.map(d -> new DeliveryLog(d, attempts.getOrDefault(d.id(), List.of())))));
    }

    /** Cancels every pending delivery of a deleted subscription, those being sent too (in the caller's transaction). */
    @Override
    public Mono<Long> cancelFor(UUID subscriptionId) {
        return deliveries.cancelPending(subscriptionId, "subscription deleted", clock.instant());
    }

    private Mono<Void> disable(Subscription subscription, String reason, Instant now) {
        return subscriptions.disable(subscription.id(), reason, now)
                .flatMap(disabled -> {
                    if (!disabled) {
                        return Mono.<Void>empty();
                    }
                    String left = "not sent: subscription disabled (" + reason + ")";
                    return trace.logging(() -> log.warn("subscription {} ({}) disabled: {}", subscription.id(),
                                    subscription.url(), reason))
                            .thenMany(deliveries.pendingUnclaimed(subscription.id(), now))
                            .concatMap(pending -> deliveries.end(pending.id(), Delivery.Status.FAILED, left, now)
                                    .filter(Boolean::booleanValue)
                                    .flatMap(ended -> outcomes.failed(pending, subscription, left, now)))
                            .then();
                });
    }

    private Mono<Boolean> done(Delivery delivery, DeliveryClaim claim, Subscription subscription, int attempts,
            WebhookResponse response, Delivery.Status status, String reason, Instant now) {
        Integer statusCode = response == null ? delivery.lastStatusCode() : response.statusCode();
        String error = response == null ? reason : (reason != null ? reason : response.error());
        Delivery ended = new Delivery(delivery.id(), delivery.subscriptionId(), delivery.eventId(), delivery.eventType(),
                status, attempts, delivery.nextAttemptAt(), false, statusCode, error, delivery.createdAt(), now);
        return ifWritten(deliveries.update(ended, claim.token()), () -> trace.logging(() -> {
            if (status == Delivery.Status.DELIVERED) {
                log.info("event {} delivered to subscription {} ({}) on attempt {}", delivery.eventId(),
                        subscription.id(), subscription.url(), attempts);
            } else {
                log.warn("event {} not delivered to subscription {} ({}): {}", delivery.eventId(), subscription.id(),
                        subscription.url(), reason);
            }
        }).then(status == Delivery.Status.DELIVERED
                ? outcomes.delivered(ended, subscription, now)
                : outcomes.failed(ended, subscription, reason, now)));
    }

    @Override
    public void close() {
        attemptRecords.close();
    }

    private void wakeDispatcher() {
        dispatcher.ifAvailable(DeliveryDispatcher::wakeUp);
    }


    private static String describe(WebhookResponse response) {
        return response.error() != null ? response.error() : "HTTP " + response.statusCode();
    }
}
