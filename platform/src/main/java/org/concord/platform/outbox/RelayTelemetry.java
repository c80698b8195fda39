package org.concord.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.concord.platform.cloudevents.CloudEventHeaders;
import org.concord.platform.observability.ConcordMeters;
import org.concord.platform.observability.TraceContext;

/**
 * The relay's spans and meters: each record gets a publish span, a child of the context stored with its outbox row,
 * and carries that span's {@code traceparent}, so consumers continue the trace of the request that wrote the row.
 */
public final class RelayTelemetry implements RelayObserver {

    private final TraceContext trace;
    private final Timer publish;
    private final DistributionSummary batchSize;
    private final Timer delay;

    public RelayTelemetry(TraceContext trace, MeterRegistry meters) {
        this.trace = trace;
        this.publish = Timer.builder(ConcordMeters.RELAY_PUBLISH)
                .description("One relay batch, from its first send to its last broker acknowledgement")
                .publishPercentileHistogram().register(meters);
        this.batchSize = DistributionSummary.builder(ConcordMeters.RELAY_BATCH_SIZE)
                .description("Outbox rows per relay batch").baseUnit("rows").register(meters);
        this.delay = Timer.builder(ConcordMeters.RELAY_DELAY)
                .description("From an event's commit to the broker's acknowledgement of it")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public Sent sending(ProducerRecord<String, byte[]> record, String storedTraceparent, Instant occurredAt) {
        Span span = trace.startChild(storedTraceparent, "publish " + record.topic(), Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.message.id", header(record, CloudEventHeaders.ID))
                .tag("cloudevents.event_type", header(record, CloudEventHeaders.TYPE));
        String traceparent = trace.traceparent(span);
        if (traceparent != null) {
            record.headers().remove(TraceContext.TRACEPARENT);
            record.headers().add(TraceContext.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return failure -> {
            if (failure == null) {
                delay.record(Duration.between(occurredAt, Instant.now()));
            } else {
                span.error(failure);
            }
            span.end();
        };
    }

    @Override
    public void batchPublished(int rows, Duration took) {
        publish.record(took);
        batchSize.record(rows);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
