package org.concord.platform.messaging;

/** What became of each record a consumer read, for telemetry; it changes nothing the consumer does. */
@FunctionalInterface
public interface ConsumerObserver {

    /** Nobody listening. */
    ConsumerObserver NONE = (consumer, outcome) -> {
    };

    /** What became of a record. */
    enum Outcome {
        /** its effect ran (and committed) */
        APPLIED,
        /** its {@code ce_id} was processed before: nothing changed */
        REDELIVERED,
        /** no route of the consumer names its type */
        SKIPPED,
        /** it could not be processed and was parked in the dead-letter topic */
        DEAD_LETTERED
    }

    /** @param consumer {@code <service>.<function>} */
    void consumed(String consumer, Outcome outcome);
}
