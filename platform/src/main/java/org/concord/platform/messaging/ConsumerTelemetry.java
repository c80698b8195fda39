package org.concord.platform.messaging;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.platform.observability.ConcordMeters;

/** Counts what became of the records each consumer read ({@link ConcordMeters#CONSUMER_RECORDS}). */
public final class ConsumerTelemetry implements ConsumerObserver {

    private final MeterRegistry meters;

    public ConsumerTelemetry(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Registers the counters of a consumer at zero, so a scrape shows them before its first record. */
    public void register(String consumer) {
        for (Outcome outcome : Outcome.values()) {
            counter(consumer, outcome);
        }
    }

    @Override
    public void consumed(String consumer, Outcome outcome) {
        counter(consumer, outcome).increment();
    }

    private Counter counter(String consumer, Outcome outcome) {
        return Counter.builder(ConcordMeters.CONSUMER_RECORDS)
                .description("Records a consumer read, by what became of them")
                .tag(ConcordMeters.CONSUMER, consumer)
                .tag(ConcordMeters.OUTCOME, outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(meters);
    }
}
