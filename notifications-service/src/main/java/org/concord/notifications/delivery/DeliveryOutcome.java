package org.concord.notifications.delivery;

import java.time.Instant;

import org.concord.notifications.delivery.application.DeliveryOutcomes;
import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.subscription.domain.Subscription;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Data of {@code concord.notification.delivered} / {@code .failed} on notifications.v1 (schema
 * {@code delivery-outcome.schema.json}): published once a delivery is acknowledged with a 2xx, or when it is
 * given up (schedule exhausted, 410 Gone, endpoint disabled). Failed attempts that will be retried publish
 * nothing: they are in the delivery log ({@code GET /api/subscriptions/{id}/deliveries}).
 */
public record DeliveryOutcome(String deliveryId, String subscriptionId, String eventId, String eventType, String url,
        int attempts, Integer statusCode, String outcome, String reason, Instant at) {

    public static final String DELIVERED = "concord.notification.delivered";
    public static final String FAILED = "concord.notification.failed";

    public String ceType() {
        return "DELIVERED".equals(outcome) ? DELIVERED : FAILED;
    }

    /** Appends the outcome event to the outbox for {@code notifications.v1} (key: the delivery id). */
    @Component
    static class Events implements DeliveryOutcomes {

        private final Outbox outbox;
        private final ConcordTopics topics;

        Events(Outbox outbox, ConcordTopics topics) {
            this.outbox = outbox;
            this.topics = topics;
        }

        @Override
        public Mono<Void> delivered(Delivery delivery, Subscription subscription, Instant at) {
            return append(delivery, subscription, "DELIVERED", null, at);
        }

        @Override
        public Mono<Void> failed(Delivery delivery, Subscription subscription, String reason, Instant at) {
            return append(delivery, subscription, "FAILED", reason, at);
        }

        private Mono<Void> append(Delivery delivery, Subscription subscription, String outcome, String reason,
                Instant at) {
            var data = new DeliveryOutcome(delivery.id().toString(), subscription.id().toString(), delivery.eventId(),
                    delivery.eventType(), subscription.url().toString(), delivery.attempts(), delivery.lastStatusCode(),
                    outcome, reason, at);
            String key = delivery.id().toString();
            return outbox.append(OutboxEvent.of(topics.notifications(), key, data.ceType(), key, data));
        }
    }
}
