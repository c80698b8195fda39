package org.concord.notifications.delivery.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt to send a webhook came to: the status code (null when there was no response: refused
 * destination, connection failure, timeout), how long it took, what went wrong, and the receiver's
 * {@code Retry-After}, if any.
 */
public record WebhookResponse(Integer statusCode, Duration duration, String error, Optional<Duration> retryAfter) {

    public boolean isSuccess() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public boolean isGone() {
        return statusCode != null && statusCode == 410;
    }
}
