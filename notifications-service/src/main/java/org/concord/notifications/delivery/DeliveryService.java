package org.concord.notifications.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.concord.notifications.subscription.Subscription;
import org.concord.notifications.subscription.SubscriptionNotFound;
import org.concord.notifications.subscription.SubscriptionRepository;
import org.concord.notifications.webhook.WebhookProperties;
import org.concord.notifications.webhook.WebhookResponse;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxEvent;
import org.concord.platform.web.Page;
import org.concord.platform.web.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Webhook deliveries, one transaction per use case: queueing an event for the subscriptions that want it,
 * recording an attempt (with the delivery's new state, the endpoint's health and, when the delivery is done,
 * its outcome event in the outbox), and re-sending a failed delivery by hand.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final ConcordTopics topics;
    private final TransactionalOperator tx;
    private final RetrySchedule schedule;
    private final WebhookProperties properties;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, SubscriptionRepository subscriptions, Outbox outbox,
            ConcordTopics topics, TransactionalOperator tx, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.topics = topics;
        this.tx = tx;
        this.properties = properties;
        this.schedule = new RetrySchedule(properties.retrySchedule(), properties.retryJitter());
        this.clock = clock;
    }

    /**
     * Queues the event for every active subscription that wants it, in the caller's transaction (the consumer's).
     *
     * @param payload the exact body to send: the CloudEvent in structured JSON form
     * @return how many deliveries were queued
     */
    public Mono<Integer> queue(String eventId, String eventType, Collection<String> agreementRegions, String payload) {
        Instant now = clock.instant();
        return subscriptions.findActive()
                .filter(subscription -> subscription.wants(eventType, agreementRegions))
                .concatMap(subscription -> deliveries.insert(
                        Delivery.queue(subscription.id(), eventId, eventType, payload, now)).thenReturn(1))
                .reduce(0, Integer::sum);
    }

    /**
     * Records one attempt and its consequences in one transaction: the attempt log, the delivery's next state,
     * the endpoint's failing-since mark (and disabling it after 410 Gone or failures for longer than
     * {@code disable-after}), and the outcome event once the delivery is done.
     */
    public Mono<Delivery.Verdict> recordAttempt(Delivery delivery, Subscription subscription, WebhookResponse response,
            Instant attemptedAt) {
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
        Mono<Void> work = deliveries.addAttempt(delivery.id(), logged)
                .then(Mono.defer(() -> apply(decided, delivery, subscription, attempt, response, now)));
        return work.as(tx::transactional).thenReturn(decided);
    }

    private Mono<Void> apply(Delivery.Verdict verdict, Delivery delivery, Subscription subscription, int attempt,
            WebhookResponse response, Instant now) {
        if (verdict instanceof Delivery.Verdict.Delivered) {
            return done(delivery, subscription, attempt, response, Delivery.Status.DELIVERED, null, now)
                    .then(subscriptions.recordSuccess(subscription.id()));
        }
        if (verdict instanceof Delivery.Verdict.RetryAt retry) {
            Delivery next = new Delivery(delivery.id(), delivery.subscriptionId(), delivery.eventId(),
                    delivery.eventType(), delivery.payload(), Delivery.Status.PENDING, attempt, retry.at(), false,
                    response.statusCode(), retry.failure(), delivery.createdAt(), null);
            log.debug("delivery {} attempt {} failed ({}); next at {}", delivery.id(), attempt, retry.failure(), retry.at());
            return deliveries.update(next).then(subscriptions.recordFailure(subscription.id(), now));
        }
        if (verdict instanceof Delivery.Verdict.GaveUp gaveUp) {
            return done(delivery, subscription, attempt, response, Delivery.Status.FAILED, gaveUp.reason(), now)
                    .then(subscriptions.recordFailure(subscription.id(), now));
        }
        Delivery.Verdict.EndpointGone gone = (Delivery.Verdict.EndpointGone) verdict;
        return done(delivery, subscription, attempt, response, Delivery.Status.FAILED, gone.reason(), now)
                .then(disable(subscription, gone.reason(), now));
    }

    /** Ends a claimed delivery without sending it: its subscription is no longer active. */
    public Mono<Void> abandon(Delivery delivery, Subscription subscription, String reason) {
        Instant now = clock.instant();
        return done(delivery, subscription, delivery.attempts(), null, Delivery.Status.FAILED, reason, now)
                .as(tx::transactional);
    }

    /** Re-sends a failed delivery once, now (by hand, e.g. after the receiver was fixed). */
    public Mono<Delivery> retryByHand(UUID subscriptionId, UUID deliveryId) {
        Instant now = clock.instant();
        return subscriptions.find(subscriptionId)
                .switchIfEmpty(Mono.error(() -> new SubscriptionNotFound(subscriptionId)))
                .flatMap(subscription -> {
                    if (subscription.status() != Subscription.Status.ACTIVE) {
                        return Mono.error(new DeliveryNotRetryable("subscription " + subscriptionId + " is "
                                + subscription.status() + " (" + subscription.disabledReason()
                                + "); enable it first: POST /api/subscriptions/" + subscriptionId + "/enable"));
                    }
                    return deliveries.find(subscriptionId, deliveryId)
                            .switchIfEmpty(Mono.error(() -> new DeliveryNotFound(subscriptionId, deliveryId)))
                            .flatMap(delivery -> deliveries.retryByHand(subscriptionId, deliveryId, now)
                                    .flatMap(retried -> retried
                                            ? deliveries.find(subscriptionId, deliveryId)
                                            : Mono.error(new DeliveryNotRetryable("delivery " + deliveryId + " is "
                                                    + delivery.status() + "; only a FAILED delivery can be re-sent"))));
                })
                .as(tx::transactional)
                .doOnNext(delivery -> log.info("delivery {} of event {} to subscription {} re-sent by hand",
                        delivery.id(), delivery.eventId(), subscriptionId));
    }

    public Mono<Page<DeliveryView>> deliveries(UUID subscriptionId, PageQuery query) {
        return subscriptions.find(subscriptionId)
                .switchIfEmpty(Mono.error(() -> new SubscriptionNotFound(subscriptionId)))
                .then(deliveries.page(subscriptionId, query))
                .flatMap(page -> deliveries.attemptsOf(page.items().stream().map(Delivery::id).toList())
                        .map(attempts -> page.map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id(), List.of())))));
    }

    /** Cancels what is still queued for a deleted subscription (in the caller's transaction). */
    public Mono<Long> cancelPending(UUID subscriptionId) {
        Instant now = clock.instant();
        return deliveries.pendingUnclaimed(subscriptionId, now)
                .concatMap(d -> deliveries.end(d.id(), Delivery.Status.CANCELLED, "subscription deleted", now))
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Void> disable(Subscription subscription, String reason, Instant now) {
        return subscriptions.disable(subscription.id(), reason, now)
                .flatMap(disabled -> {
                    if (!disabled) {
                        return Mono.<Void>empty();
                    }
                    log.warn("subscription {} ({}) disabled: {}", subscription.id(), subscription.url(), reason);
                    String left = "not sent: subscription disabled (" + reason + ")";
                    return deliveries.pendingUnclaimed(subscription.id(), now)
                            .concatMap(pending -> deliveries.end(pending.id(), Delivery.Status.FAILED, left, now)
                                    .filter(Boolean::booleanValue)
                                    .flatMap(ended -> publishOutcome(pending, subscription, pending.attempts(),
                                            pending.lastStatusCode(), "FAILED", left, now)))
                            .then();
                });
    }

    private Mono<Void> done(Delivery delivery, Subscription subscription, int attempts, WebhookResponse response,
            Delivery.Status status, String reason, Instant now) {
        Integer statusCode = response == null ? delivery.lastStatusCode() : response.statusCode();
        String error = response == null ? reason : (reason != null ? reason : response.error());
        Delivery ended = new Delivery(delivery.id(), delivery.subscriptionId(), delivery.eventId(), delivery.eventType(),
                delivery.payload(), status, attempts, delivery.nextAttemptAt(), false, statusCode, error,
                delivery.createdAt(), now);
        String outcome = status == Delivery.Status.DELIVERED ? "DELIVERED" : "FAILED";
        if (status == Delivery.Status.DELIVERED) {
            log.info("event {} delivered to subscription {} ({}) on attempt {}", delivery.eventId(),
                    subscription.id(), subscription.url(), attempts);
        } else {
            log.warn("event {} not delivered to subscription {} ({}): {}", delivery.eventId(), subscription.id(),
                    subscription.url(), reason);
        }
        return deliveries.update(ended)
                .then(publishOutcome(ended, subscription, attempts, statusCode, outcome, reason, now));
    }

    private Mono<Void> publishOutcome(Delivery delivery, Subscription subscription, int attempts, Integer statusCode,
            String outcome, String reason, Instant now) {
        DeliveryOutcome data = new DeliveryOutcome(delivery.id().toString(), subscription.id().toString(),
                delivery.eventId(), delivery.eventType(), subscription.url().toString(), attempts, statusCode, outcome,
                reason, now);
        String key = delivery.id().toString();
        return outbox.append(OutboxEvent.of(topics.notifications(), key, data.ceType(), key, data));
    }

    private static String describe(WebhookResponse response) {
        return response.error() != null ? response.error() : "HTTP " + response.statusCode();
    }
}
