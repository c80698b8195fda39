package org.concord.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How {@code freeze-db-connection} chooses the backend it freezes, and how it measures the webhooks' pauses. */
class FrozenConnectionTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void a_busy_dispatcher_backend_is_chosen_before_an_idle_one_and_its_attempt_records_before_its_claims() {
        List<PrivatePostgres.Backend> backends = List.of(
                new PrivatePostgres.Backend(1, "idle in transaction", "INSERT INTO webhook_delivery (id, subscription_id)"),
                new PrivatePostgres.Backend(2, "active", "UPDATE webhook_delivery SET claimed_until = $1"),
                new PrivatePostgres.Backend(3, "idle", "INSERT INTO delivery_attempt (delivery_id, attempt) VALUES ($1, $2)"),
                new PrivatePostgres.Backend(4, "active", "INSERT INTO delivery_attempt (delivery_id, attempt) VALUES ($1, $2)"));

        assertThat(Faults.dispatchers(backends)).map(PrivatePostgres.Backend::pid).contains(4L);
        assertThat(Faults.dispatchers(backends.subList(0, 3))).as("busy before idle").map(PrivatePostgres.Backend::pid)
                .contains(2L);
        assertThat(Faults.dispatchers(backends.subList(0, 1))).as("the consumer queueing deliveries").isEmpty();
    }

    @Test
    void the_longest_pause_counts_the_stretches_before_the_first_and_after_the_last_webhook() {
        List<WebhookReceiver.Received> received = List.of(at(-5), at(2), at(3), at(33), at(40));

        assertThat(Faults.longestPause(received, T0, T0.plusSeconds(70))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Faults.longestPause(received, T0, T0.plusSeconds(20))).isEqualTo(Duration.ofSeconds(17));
        assertThat(Faults.longestPause(List.of(), T0, T0.plusSeconds(70))).isEqualTo(Duration.ofSeconds(70));
    }

    private static WebhookReceiver.Received at(long seconds) {
        return new WebhookReceiver.Received("msg_" + seconds, "concord.agreement.signed", "a1", T0.plusSeconds(seconds));
    }
}
