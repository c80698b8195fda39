package org.concord.notifications.delivery.domain;

import java.time.Instant;

/** One HTTP attempt of a delivery, as logged: when, the status code (null: no response), how long, what went wrong. */
public record DeliveryAttempt(int attempt, Instant at, Integer statusCode, long durationMs, String error) {
}
