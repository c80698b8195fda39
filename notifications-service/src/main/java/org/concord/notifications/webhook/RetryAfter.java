package org.concord.notifications.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header (delay in seconds or an HTTP date), bounded to [0, max]. */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String header, Instant now, Duration max) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration delay;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                delay = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                delay = max;
            }
        } else {
            try {
                delay = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
