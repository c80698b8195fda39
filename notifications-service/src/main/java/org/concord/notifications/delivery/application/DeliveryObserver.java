package org.concord.notifications.delivery.application;

import java.util.function.Function;

import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.domain.WebhookResponse;
import reactor.core.publisher.Mono;

/**
 * Wraps each webhook attempt for telemetry (its span and meters); it changes nothing the attempt does but give it the
 * trace context to send.
 */
public interface DeliveryObserver {

    /** No telemetry: the attempt runs without a trace context. */
    DeliveryObserver NONE = new DeliveryObserver() {
        @Override
        public Mono<Attempted> attempt(Delivery delivery, String queuedIn, Function<String, Mono<Attempted>> attempt) {
            return attempt.apply(null);
        }
    };

    /** What one attempt got, and what it meant for the delivery. */
    record Attempted(WebhookResponse response, Delivery.Verdict verdict) {
    }

    /**
     * Runs one attempt of {@code delivery}.
     *
     * @param queuedIn the {@code traceparent} the delivery was queued in (may be null)
     * @param attempt sends the webhook with the given {@code traceparent} (may be null) and records the attempt
     */
    Mono<Attempted> attempt(Delivery delivery, String queuedIn, Function<String, Mono<Attempted>> attempt);
}
