package org.concord.notifications.delivery.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When each attempt of a delivery is made: entry n is the delay before attempt n+1 (after the previous failure).
 * The default is the Standard Webhooks/Svix schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
 * Each delay is spread by ±{@code jitter} (a fraction) so that receivers recovering from an outage are not hit
 * by every retry at the same instant.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule has at least one attempt");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction in [0, 1), was " + jitter);
        }
    }

    public int attempts() {
        return delays.size();
    }

    /** The delay before attempt {@code attempt} (1-based), jittered; empty once the schedule is exhausted. */
    public Optional<Duration> delayBefore(int attempt, DoubleSupplier random) {
        if (attempt < 1 || attempt > delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attempt - 1);
        if (delay.isZero() || jitter == 0) {
            return Optional.of(delay);
        }
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(Duration.ofMillis(Math.round(delay.toMillis() * factor)));
    }
}
