package org.concord.platform.observability;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * W3C trace context where the work leaves the request or the record that caused it: the {@code traceparent} of the
 * current span, stored with an outbox row or a webhook delivery, and spans started later as children of such a stored
 * context (the relay's publish span, a webhook POST).
 *
 * <p>The current span is, in this order: the one a caller put in the Reactor context with {@link #with}; the
 * observation in the Reactor context (a request's server span, WebFlux puts it there); the thread's current span (a
 * consumer span: the binder's listener opens it around the consumer).
 */
public final class TraceContext {

    /** The W3C header and CloudEvents attribute. */
    public static final String TRACEPARENT = "traceparent";
    private static final String KEY = TraceContext.class.getName();
    private static final String SPAN = KEY + ".span";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No spans, no propagation: for code run without tracing (some tests). */
    public static TraceContext none() {
        return new TraceContext(Tracer.NOOP, Propagator.NOOP);
    }

    /** The {@code traceparent} of the current span, if there is one. */
    public Mono<String> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(current(context)));
    }

    String current(ContextView context) {
        if (context.hasKey(KEY)) {
            return context.get(KEY);
        }
        Span span = null;
        if (context.getOrDefault(ObservationThreadLocalAccessor.KEY, null) instanceof Observation observation) {
            TracingObservationHandler.TracingContext tracing = observation.getContextView()
                    .get(TracingObservationHandler.TracingContext.class);
            span = tracing == null ? null : tracing.getSpan();
        }
        if (span == null) {
            span = tracer.currentSpan();
        }
        return span == null ? null : traceparent(span);
    }

    /**
     * Makes {@code span} the current span of a reactive pipeline, {@code .contextWrite(trace.with(span))}: what the
     * pipeline writes to the outbox is its child, and what it logs through {@link #logging} carries its ids. (Only
     * that: the thread's span, and so other log lines' ids, stay those of the thread.)
     */
    public java.util.function.Function<Context, Context> with(Span span) {
        String traceparent = traceparent(span);
        return context -> traceparent == null ? context : context.put(KEY, traceparent).put(SPAN, span);
    }

    /**
     * Runs {@code lines} when subscribed, with the span of {@link #with} current on this thread for as long as they
     * run: the lines they log carry its trace and span ids. (Reactor's context propagation restores observations, a
     * request's or a record's, on each thread, not such a span; Micrometer's accessor for spans left it current on
     * threads the pipeline had passed through.)
     */
    public Mono<Void> logging(Runnable lines) {
        return Mono.deferContextual(context -> {
            Span span = context.getOrDefault(SPAN, null);
            if (span == null) {
                lines.run();
            } else {
                try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                    lines.run();
                }
            }
            return Mono.empty();
        });
    }

    /**
     * Starts a span whose parent is {@code traceparent} (a new trace when it is null or not valid), e.g. the relay's
     * publish span under the context stored with the outbox row.
     */
    public Span startChild(String traceparent, String name, Span.Kind kind) {
        Span.Builder builder = traceparent == null || traceparent.isBlank()
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key));
        return builder.name(name).kind(kind).start();
    }

    /** The span's context as a {@code traceparent} header value (null for a no-op span). */
    public String traceparent(Span span) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, (map, key, value) -> map.put(key, value));
        return carrier.get(TRACEPARENT);
    }
}
