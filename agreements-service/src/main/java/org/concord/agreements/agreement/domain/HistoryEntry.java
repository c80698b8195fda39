package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an agreement's audit trail.
 *
 * @param eventId the ce_id of the event published for it (null for an entry that publishes nothing)
 * @param details what changed, as JSON
 */
public record HistoryEntry(long seq, UUID agreementId, long version, String type, Instant at, String eventId,
        String details) {
}
