package org.concord.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.concord.gateway.GatewayProperties.RateLimit;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RequestBudget budget = new RequestBudget(new RateLimit(3, 2.0), now::get);

    @Test
    void a_client_may_send_its_burst_at_once_then_is_refused_with_the_time_until_its_next_request() {
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take("subject:a").allowed()).as("request %s", i + 1).isTrue();
        }
        RequestBudget.Decision refused = budget.take("subject:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void requests_come_back_at_the_configured_rate_and_never_beyond_the_burst() {
        spend("subject:a", 3);
        advance(Duration.ofMillis(499));
        assertThat(budget.take("subject:a").allowed()).as("just before one request is back").isFalse();
        advance(Duration.ofMillis(1));
        assertThat(budget.take("subject:a").allowed()).as("one request back after 500 ms").isTrue();
        assertThat(budget.take("subject:a").allowed()).isFalse();

        advance(Duration.ofHours(1));
        spend("subject:a", 3);
        assertThat(budget.take("subject:a").allowed()).as("an hour of rest still gives only the burst").isFalse();
    }

    @Test
    void a_refused_request_costs_nothing() {
        spend("subject:a", 3);
        for (int i = 0; i < 10; i++) {
            assertThat(budget.take("subject:a").allowed()).isFalse();
        }
        advance(Duration.ofMillis(500));
        assertThat(budget.take("subject:a").allowed()).isTrue();
    }

    @Test
    void each_client_has_a_budget_of_its_own() {
        spend("subject:a", 3);
        assertThat(budget.take("subject:a").allowed()).isFalse();
        assertThat(budget.take("subject:b").allowed()).isTrue();
        assertThat(budget.take("address:127.0.0.1").allowed()).isTrue();
    }

    @Test
    void clients_whose_budget_is_full_again_are_forgotten() {
        spend("subject:a", 1);
        spend("subject:b", 3);
        assertThat(budget.clientsRemembered()).isEqualTo(2);
        advance(Duration.ofMinutes(2));
        spend("subject:c", 1);
        assertThat(budget.clientsRemembered()).as("a and b are full again: only c is remembered").isEqualTo(1);
    }

    @Test
    void a_limit_that_lets_nothing_through_is_refused() {
        assertThatThrownBy(() -> new RateLimit(0, 1)).hasMessageContaining("burst must be 1 or more");
        assertThatThrownBy(() -> new RateLimit(10, 0)).hasMessageContaining("per-second more than 0");
    }

    private void spend(String client, int requests) {
        for (int i = 0; i < requests; i++) {
            assertThat(budget.take(client).allowed()).as("%s request %s", client, i + 1).isTrue();
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
