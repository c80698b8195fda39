package org.concord.notifications.delivery;

import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.concord.notifications.delivery.application.DeliveryObserver;
import org.concord.notifications.delivery.domain.Delivery;
import org.concord.platform.observability.ConcordMeters;
import org.concord.platform.observability.TraceContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The span and meters of each webhook attempt: a client span, child of the consumer span that queued the delivery
 * (stored with it, and read with it when it is due), sent as the POST's {@code traceparent}; a timer by outcome and
 * attempt number. No subscription tag: subscriptions are made by users, so their number has no bound
 * (per-subscription health is in its delivery log).
 */
@Component
class DeliveryTelemetry implements DeliveryObserver {

    private final TraceContext trace;
    private final MeterRegistry meters;

    DeliveryTelemetry(TraceContext trace, MeterRegistry meters) {
        this.trace = trace;
        this.meters = meters;
        for (String outcome : new String[] {"delivered", "retrying", "gave-up", "endpoint-gone"}) {
            timer(outcome, 1);
        }
    }

    @Override
    public Mono<Attempted> attempt(Delivery delivery, String queuedIn, Function<String, Mono<Attempted>> attempt) {
        return Mono.defer(() -> {
            Span span = trace.startChild(queuedIn, "webhook POST", Span.Kind.CLIENT)
                    .tag("webhook.id", delivery.eventId())
                    .tag("webhook.attempt", Integer.toString(delivery.attempts() + 1))
                    .tag("cloudevents.event_type", delivery.eventType());
            return attempt.apply(trace.traceparent(span))
                    .doOnNext(attempted -> record(attempted, delivery, span))
                    .doOnError(span::error)
                    .doFinally(signal -> span.end())
                    .contextWrite(trace.with(span));
        });
    }

    private void record(Attempted attempted, Delivery delivery, Span span) {
        String outcome = outcome(attempted.verdict());
        timer(outcome, delivery.attempts() + 1).record(attempted.response().duration());
        span.tag("webhook.outcome", outcome);
        if (attempted.response().statusCode() != null) {
            span.tag("http.response.status_code", attempted.response().statusCode().toString());
        }
        if (attempted.response().error() != null) {
            span.error(new IllegalStateException(attempted.response().error()));
        }
    }

    private Timer timer(String outcome, int attempt) {
        return Timer.builder(ConcordMeters.WEBHOOK_ATTEMPTS)
                .description("Webhook attempts, request to response, by outcome and attempt number")
                .tag(ConcordMeters.OUTCOME, outcome)
                .tag(ConcordMeters.ATTEMPT, ConcordMeters.attempt(attempt))
                .publishPercentileHistogram()
                .register(meters);
    }

    static String outcome(Delivery.Verdict verdict) {
        if (verdict instanceof Delivery.Verdict.Delivered) {
            return "delivered";
        }
        if (verdict instanceof Delivery.Verdict.RetryAt) {
            return "retrying";
        }
        return verdict instanceof Delivery.Verdict.GaveUp ? "gave-up" : "endpoint-gone";
    }
}
