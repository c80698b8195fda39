package org.concord.notifications.notification.domain;

import java.time.Instant;

/**
 * One inbox entry: what happened to an agreement, told to one party region. The id grows with every
 * notification written (a database identity) and is the Server-Sent Events id of the live feed.
 */
public record Notification(long id, String eventId, String type, String agreementId, String agreementTitle,
        String region, String message, Instant occurredAt, Instant createdAt) {
}
