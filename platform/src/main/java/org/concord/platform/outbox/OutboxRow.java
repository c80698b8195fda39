package org.concord.platform.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.spi.Row;

/** An unpublished outbox row as the relay reads it. */
record OutboxRow(long seq, String eventId, String topic, String key, String type, String subject, Instant occurredAt,
        String traceparent, String payload) {

    static OutboxRow from(Row row) {
        return new OutboxRow(
                row.get("seq", Long.class),
                row.get("event_id", String.class),
                row.get("topic", String.class),
                row.get("message_key", String.class),
                row.get("event_type", String.class),
                row.get("subject", String.class),
                row.get("occurred_at", OffsetDateTime.class).toInstant(),
                row.get("traceparent", String.class),
                row.get("payload", String.class));
    }
}
