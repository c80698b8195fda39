package org.concord.notifications.delivery;

import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.domain.DeliveryAttempt;
import org.concord.notifications.delivery.domain.DeliveryLog;
import java.time.Instant;
import java.util.List;

/** A delivery as the delivery log shows it ({@code GET /api/subscriptions/{id}/deliveries}), with every attempt. */
public record DeliveryView(String id, String eventId, String eventType, String status, int attemptCount,
        Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt, Instant completedAt,
        List<DeliveryAttempt> attempts) {

    static DeliveryView of(DeliveryLog log) {
        return of(log.delivery(), log.attempts());
    }

    static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id().toString(), d.eventId(), d.eventType(), d.status().name(), d.attempts(),
                d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.lastStatusCode(), d.lastError(),
                d.createdAt(), d.completedAt(), attempts);
    }
}
