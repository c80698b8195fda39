package org.concord.notifications.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The rules of a delivery's attempts (no I/O). */
class DeliveryTest {

    private static final List<Duration> SVIX = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    private final RetrySchedule schedule = new RetrySchedule(SVIX, 0);
    private final Instant now = Instant.parse("2024-09-24T02:00:00Z");

    @Test
    void only_a_2xx_delivers() {
        assertThat(delivery(0, false).judge(response(204), schedule, now, () -> 0.5))
                .isInstanceOf(Delivery.Verdict.Delivered.class);
        assertThat(delivery(0, false).judge(response(302), schedule, now, () -> 0.5))
                .isInstanceOf(Delivery.Verdict.RetryAt.class);
    }

    @Test
    void failures_are_retried_on_the_standard_webhooks_schedule_then_given_up() {
        assertThat(retryAt(delivery(0, false).judge(response(500), schedule, now, () -> 0.5)))
                .isEqualTo(now.plusSeconds(5));
        assertThat(retryAt(delivery(1, false).judge(response(500), schedule, now, () -> 0.5)))
                .isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(retryAt(delivery(6, false).judge(response(500), schedule, now, () -> 0.5)))
                .isEqualTo(now.plus(Duration.ofHours(10)));
        assertThat(delivery(7, false).judge(response(503), schedule, now, () -> 0.5))
                .isInstanceOfSatisfying(Delivery.Verdict.GaveUp.class, gaveUp ->
                        assertThat(gaveUp.reason()).isEqualTo("HTTP 503 on attempt 8 of 8: giving up"));
    }

    @Test
    void no_response_is_a_failure_like_any_other() {
        var timeout = new WebhookResponse(null, Duration.ofSeconds(15), "no response in time", Optional.empty());
        assertThat(delivery(0, false).judge(timeout, schedule, now, () -> 0.5))
                .isInstanceOfSatisfying(Delivery.Verdict.RetryAt.class, retry ->
                        assertThat(retry.failure()).isEqualTo("no response in time"));
    }

    @Test
    void gone_stops_the_delivery_and_the_endpoint() {
        assertThat(delivery(2, false).judge(response(410), schedule, now, () -> 0.5))
                .isInstanceOf(Delivery.Verdict.EndpointGone.class);
    }

    @Test
    void retry_after_is_honoured_when_later_than_the_schedule() {
        var busy = new WebhookResponse(429, Duration.ofMillis(3), "HTTP 429", Optional.of(Duration.ofMinutes(2)));
        assertThat(retryAt(delivery(0, false).judge(busy, schedule, now, () -> 0.5))).isEqualTo(now.plusSeconds(120));

        var soon = new WebhookResponse(503, Duration.ofMillis(3), "HTTP 503", Optional.of(Duration.ofSeconds(1)));
        assertThat(retryAt(delivery(1, false).judge(soon, schedule, now, () -> 0.5)))
                .isEqualTo(now.plus(Duration.ofMinutes(5)));
    }

    @Test
    void jitter_spreads_delays_within_its_fraction() {
        var jittered = new RetrySchedule(SVIX, 0.1);
        assertThat(jittered.delayBefore(3, () -> 0.0)).contains(Duration.ofSeconds(270));
        assertThat(jittered.delayBefore(3, () -> 1.0)).contains(Duration.ofSeconds(330));
        assertThat(jittered.delayBefore(1, () -> 1.0)).contains(Duration.ZERO);
        assertThat(jittered.delayBefore(9, () -> 0.5)).isEmpty();
    }

    @Test
    void a_retry_by_hand_gets_one_attempt() {
        assertThat(delivery(8, true).judge(response(500), schedule, now, () -> 0.5))
                .isInstanceOfSatisfying(Delivery.Verdict.GaveUp.class, gaveUp ->
                        assertThat(gaveUp.reason()).contains("retry by hand"));
        assertThat(delivery(8, true).judge(response(200), schedule, now, () -> 0.5))
                .isInstanceOf(Delivery.Verdict.Delivered.class);
    }

    private static Instant retryAt(Delivery.Verdict verdict) {
        assertThat(verdict).isInstanceOf(Delivery.Verdict.RetryAt.class);
        return ((Delivery.Verdict.RetryAt) verdict).at();
    }

    private static WebhookResponse response(int status) {
        return new WebhookResponse(status, Duration.ofMillis(12), status / 100 == 2 ? null : "HTTP " + status,
                Optional.empty());
    }

    private Delivery delivery(int attempts, boolean manual) {
        return new Delivery(UUID.randomUUID(), UUID.randomUUID(), "evt", "concord.agreement.signed",
                Delivery.Status.PENDING, attempts, now, manual, null, null, now, null);
    }
}
