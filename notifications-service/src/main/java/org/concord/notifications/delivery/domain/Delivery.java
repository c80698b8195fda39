package org.concord.notifications.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.DoubleSupplier;


/**
 * One event on its way to one subscription, and the rules of its attempts: only a 2xx response delivers it; a
 * 410 Gone stops it and disables the endpoint; any other failure is retried on the {@link RetrySchedule}, not
 * sooner than the receiver's {@code Retry-After}, until the schedule is exhausted. A failed delivery re-sent by
 * hand gets one attempt. The body it sends is not part of it: every delivery of an event sends the same body, the
 * event's. No Spring, no SQL.
 */
public record Delivery(UUID id, UUID subscriptionId, String eventId, String eventType, Status status, int attempts,
        Instant nextAttemptAt, boolean manualRetry, Integer lastStatusCode, String lastError, Instant createdAt,
        Instant completedAt) {

    public enum Status { PENDING, DELIVERED, FAILED, CANCELLED }

    public static Delivery queue(UUID subscriptionId, String eventId, String eventType, Instant now) {
        return new Delivery(UUID.randomUUID(), subscriptionId, eventId, eventType, Status.PENDING, 0, now, false, null,
                null, now, null);
    }

    /** What an attempt's response means for this delivery. */
    public Verdict judge(WebhookResponse response, RetrySchedule schedule, Instant now, DoubleSupplier random) {
        int attempt = attempts + 1;
        if (response.isSuccess()) {
            return new Verdict.Delivered();
        }
        String failure = response.error() != null ? response.error() : "HTTP " + response.statusCode();
        if (response.isGone()) {
            return new Verdict.EndpointGone("HTTP 410 Gone on attempt " + attempt
                    + ": the endpoint asked to receive no more webhooks; subscription disabled");
        }
        if (manualRetry) {
            return new Verdict.GaveUp(failure + " on a retry by hand (attempt " + attempt + ")");
        }
        var delay = schedule.delayBefore(attempt + 1, random);
        if (delay.isEmpty()) {
            return new Verdict.GaveUp(failure + " on attempt " + attempt + " of " + schedule.attempts() + ": giving up");
        }
        Duration wait = delay.get();
        if (response.retryAfter().isPresent() && response.retryAfter().get().compareTo(wait) > 0) {
            wait = response.retryAfter().get();
        }
        return new Verdict.RetryAt(now.plus(wait), failure);
    }

    /** The outcome of one attempt for the delivery. */
    public sealed interface Verdict {

        /** A 2xx: delivered, done. */
        record Delivered() implements Verdict {
        }

        /** Failed; try again at {@code at}. */
        record RetryAt(Instant at, String failure) implements Verdict {
        }

        /** Failed for good (schedule exhausted, or a retry by hand failed). */
        record GaveUp(String reason) implements Verdict {
        }

        /** 410 Gone: failed for good, and the subscription is disabled. */
        record EndpointGone(String reason) implements Verdict {
        }
    }
}
