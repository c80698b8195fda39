package org.concord.platform.outbox;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the relay reports while it publishes, for telemetry (spans and meters): it changes nothing the relay does,
 * except that {@link #sending} may set headers on the record (the trace context of the publish span).
 */
public interface RelayObserver {

    /** Nobody listening. */
    RelayObserver NONE = new RelayObserver() {
    };

    /**
     * An outbox row is about to be sent as {@code record}.
     *
     * @param storedTraceparent the trace context stored with the row (null if it was written outside a trace)
     * @param occurredAt        when the row was written
     * @return told once the broker acknowledged the record (null) or it failed
     */
    default Sent sending(ProducerRecord<String, byte[]> record, String storedTraceparent, Instant occurredAt) {
        return failure -> {
        };
    }

    /** A batch of {@code rows} was published and marked, {@code took} from its first send to its last acknowledgement. */
    default void batchPublished(int rows, Duration took) {
    }

    /** The end of one record's send. */
    @FunctionalInterface
    interface Sent {

        /** @param failure null when the broker acknowledged the record */
        void done(Throwable failure);
    }
}
