package org.concord.platform.messaging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import reactor.core.publisher.Mono;

/**
 * The spans and meters of each record a consumer reads in a poll, the same as when the binder handed records over one
 * by one: a consumer span per record, child of the record's {@code traceparent} ({@code <topic> process}, meter
 * {@code spring.kafka.listener}), and under it a span per attempt at its effect ({@code <function> process}, meter
 * {@code spring.cloud.function}). The latter is the current observation of the effect's pipeline: what the effect
 * writes to an outbox or a delivery carries its trace on, and its log lines show its ids.
 */
final class RecordObservations {

    /** The name Spring Cloud Function gives its own observation of a function (disabled for consumers). */
    static final String FUNCTION = "spring.cloud.function";
    private static final String FUNCTION_DEFINITION = "spring.cloud.function.definition";

    private final ObservationRegistry registry;
    private final String function;
    private final String listenerId;
    private final String group;

    RecordObservations(ObservationRegistry registry, String function, String group) {
        this.registry = registry;
        this.function = function;
        this.listenerId = function + "-in-0";
        this.group = group;
    }

    /** Starts the consumer span of a record; the caller stops it once the record is dealt with. */
    Observation received(ConsumerRecord<byte[], byte[]> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation((KafkaListenerObservationConvention) null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, null, group, () -> null), registry).start();
    }

    /**
     * {@code effect} as one attempt at the record's effect, observed under its consumer span.
     *
     * <p>The attempt's span starts with the consumer span in scope. A tracer makes a new span the child of the
     * thread's current span rather than of the parent observation's whenever the two differ, and in a poll the
     * thread may still hold an earlier record's span: where a pipeline's context holds no observation (between two
     * effects), Reactor leaves the thread's one in place. The effect would then run, and what it writes would carry
     * on, another record's trace.
     */
    Mono<Void> processing(Observation received, Mono<Void> effect) {
        return Mono.defer(() -> {
            Observation processing = Observation.createNotStarted(FUNCTION, registry)
                    .contextualName(function + " process")
                    .lowCardinalityKeyValue(FUNCTION_DEFINITION, function);
            if (!received.isNoop()) {
                processing.parentObservation(received);
            }
            try (Observation.Scope consumerSpan = received.openScope()) {
                processing.start();
            }
            return effect.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, processing))
                    .doOnError(processing::error)
                    .doFinally(signal -> processing.stop());
        });
    }
}
