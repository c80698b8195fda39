package org.concord.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An event to publish once the transaction that wrote it commits.
 *
 * @param id      the CloudEvent id ({@code ce_id}): stable from the outbox row to every redelivery
 * @param topic   destination topic (from {@code ConcordTopics}, never hard-coded)
 * @param key     record key, the aggregate id: Kafka keeps order per key
 * @param type    {@code ce_type}, e.g. {@code concord.agreement.signed}
 * @param subject {@code ce_subject}, the aggregate id
 * @param time    when it happened
 * @param data    the event data, serialised as JSON
 */
public record OutboxEvent(String id, String topic, String key, String type, String subject, Instant time, Object data) {

    public static OutboxEvent of(String topic, String key, String type, String subject, Object data) {
        // microseconds: what both H2 and PostgreSQL keep, so the published ce_time equals the recorded one
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, type, subject,
                Instant.now().truncatedTo(ChronoUnit.MICROS), data);
    }
}
