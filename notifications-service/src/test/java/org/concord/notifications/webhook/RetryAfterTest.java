package org.concord.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Instant now = Instant.parse("2024-09-24T02:00:00Z");
    private final Duration max = Duration.ofHours(1);

    @Test
    void delay_in_seconds_is_read() {
        assertThat(RetryAfter.parse("120", now, max)).contains(Duration.ofSeconds(120));
    }

    @Test
    void http_date_is_read_as_the_delay_until_then() {
        assertThat(RetryAfter.parse("Tue, 24 Sep 2024 02:05:00 GMT", now, max)).contains(Duration.ofMinutes(5));
    }

    @Test
    void delay_is_bounded_by_the_configured_maximum() {
        assertThat(RetryAfter.parse("86400", now, max)).contains(max);
        assertThat(RetryAfter.parse("Wed, 25 Sep 2024 02:00:00 GMT", now, max)).contains(max);
    }

    @Test
    void date_in_the_past_means_now_and_garbage_means_nothing() {
        assertThat(RetryAfter.parse("Mon, 23 Sep 2024 02:00:00 GMT", now, max)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now, max)).isEmpty();
        assertThat(RetryAfter.parse(null, now, max)).isEmpty();
    }
}
