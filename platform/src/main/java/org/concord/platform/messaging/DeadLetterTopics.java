package org.concord.platform.messaging;

/**
 * The one rule for dead-letter topics: a record that {@code service} could not process from {@code topic} is
 * parked in {@code <topic>.<service>.dlq}, e.g. {@code agreements.v1.regions-service.dlq}.
 */
public final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    public static String of(String topic, String service) {
        return topic + "." + service + ".dlq";
    }
}
