package org.concord.notifications.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code concord.webhooks.*}: how webhooks are delivered. Every property is listed, defaulted and described
 * in {@code notifications-service.yml}.
 */
@ConfigurationProperties("concord.webhooks")
public record WebhookProperties(
        List<Duration> retrySchedule,
        double retryJitter,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration maxRetryAfter,
        Duration disableAfter,
        Duration secretOverlap,
        int maxConcurrency,
        int maxInFlightPerEndpoint,
        Duration pollInterval,
        Duration maxEndpointBackoff,
        Set<String> allowedHosts,
        String userAgent,
        String instance) {

    public WebhookProperties {
        Objects.requireNonNull(retrySchedule, "concord.webhooks.retry-schedule");
        Objects.requireNonNull(connectTimeout, "concord.webhooks.connect-timeout");
        Objects.requireNonNull(responseTimeout, "concord.webhooks.response-timeout");
        Objects.requireNonNull(maxRetryAfter, "concord.webhooks.max-retry-after");
        Objects.requireNonNull(disableAfter, "concord.webhooks.disable-after");
        Objects.requireNonNull(secretOverlap, "concord.webhooks.secret-overlap");
        Objects.requireNonNull(pollInterval, "concord.webhooks.poll-interval");
        Objects.requireNonNull(maxEndpointBackoff, "concord.webhooks.max-endpoint-backoff");
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("concord.webhooks.retry-schedule needs at least one entry");
        }
        if (maxConcurrency < 1 || maxInFlightPerEndpoint < 1) {
            throw new IllegalArgumentException(
                    "concord.webhooks.max-concurrency and max-in-flight-per-endpoint are at least 1");
        }
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
        userAgent = userAgent == null ? "Concord-Webhooks/1.0" : userAgent;
    }

    /**
     * How long a claimed delivery stays reserved for the instance sending it: long enough to finish the attempt. An
     * instance that dies gives its claims back when it starts again ({@link ClaimHolder}); the expiry is for one that
     * does not come back.
     */
    public Duration claimFor() {
        return connectTimeout.plus(responseTimeout).plusSeconds(30);
    }

    /**
     * The shortest pause of a failing endpoint: the retry schedule's first delay that is not zero (the poll interval
     * if it has none), so an endpoint is probed again when its first failed delivery is retried.
     */
    public Duration minEndpointBackoff() {
        return retrySchedule.stream().filter(delay -> !delay.isZero()).findFirst().orElse(pollInterval);
    }
}
