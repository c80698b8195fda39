package org.concord.platform.messaging;

/**
 * The one rule for dead-letter topics: a record that {@code service} could not process from {@code topic} is
 * parked in {@code <topic>.<service>.dlq}, e.g. {@code agreements.v1.regions-service.dlq}, with the headers below
 * beside its own (the ones Spring Cloud Stream's Kafka binder writes on the records it parks, so that records
 * parked before and after consumers parked their own read alike).
 */
public final class DeadLetterTopics {

    /** Where the record was read from (text). */
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    /** Its partition there (4 bytes, big-endian). */
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    /** Its offset there (8 bytes, big-endian). */
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    /** Its timestamp (8 bytes, big-endian) and timestamp type (text). */
    public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
    public static final String ORIGINAL_TIMESTAMP_TYPE = "x-original-timestamp-type";
    /** The failure: its class, its message (and its cause's), its stack trace. */
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";

    private DeadLetterTopics() {
    }

    public static String of(String topic, String service) {
        return topic + "." + service + ".dlq";
    }
}
