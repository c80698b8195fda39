package org.concord.notifications.delivery;

import java.time.Instant;

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
}
