package org.concord.platform.deadletter;

import java.time.Instant;
import java.util.Map;

/**
 * A record parked in one of the service's dead-letter topics, as an operator sees it.
 *
 * @param topic             the dead-letter topic, {@code <topic>.<service>.dlq}
 * @param partition         its partition there
 * @param offset            its offset there: with topic and partition, the record's address
 * @param parkedAt          when it was parked
 * @param key               the record key (the aggregate id)
 * @param eventId           its {@code ce_id} (null if it had none: a record that is not a CloudEvent)
 * @param eventType         its {@code ce_type}
 * @param originalTopic     where it was read from
 * @param originalPartition its partition there
 * @param originalOffset    its offset there
 * @param reason            why the consumer could not process it
 * @param consumer          the consumer it belongs to, {@code <service>.<function>}
 * @param applied           true once the consumer has processed its {@code ce_id} (replayed, or delivered again):
 *                          a replay then changes nothing
 */
public record DeadLetter(String topic, int partition, long offset, Instant parkedAt, String key, String eventId,
        String eventType, String originalTopic, Integer originalPartition, Long originalOffset, String reason,
        String consumer, boolean applied) {

    /** One dead letter with everything it carries: every header (as text), the value, the stack trace. */
    public record Detail(DeadLetter deadLetter, Map<String, String> headers, String value, String stackTrace) {
    }

    /** What a replay did. {@code outcome}: {@code applied}, {@code already-applied} (nothing changed) or {@code skipped}. */
    public record Replay(String topic, int partition, long offset, String eventId, String consumer, String outcome) {
    }

    /** The dead letters of the service: how many each topic holds, and the latest of them. */
    public record Listing(String service, Map<String, Long> topics, java.util.List<DeadLetter> items, boolean truncated) {
    }
}
