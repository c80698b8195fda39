package org.concord.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.concord.notifications.NotificationsIntegrationTest;
import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.subscription.persistence.SubscriptionRepository;
import org.concord.platform.observability.ConcordMeters;
import org.concord.platform.observability.GaugeRefresher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The webhook backlog gauges against the real table, in a context (and database) of their own so that no other
 * scenario's deliveries are counted; refreshed by the test, not by the periodic refresh.
 */
@TestPropertySource(properties = "concord.metrics.refresh-interval=1h")
public abstract class WebhookBacklogScenarios extends NotificationsIntegrationTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    private GaugeRefresher refresher;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private SubscriptionRepository subscriptions;

    @Test
    void the_gauges_count_the_pending_deliveries_and_age_the_queue_by_its_oldest_due_one_only() {
        UUID endpoint = UUID.fromString(subscribe("http://localhost:9/hooks", List.of(), List.of(newRegion()))
                .get("id").asString());
        Instant now = Instant.now();
        // the endpoint is backing off: the dispatcher leaves its deliveries as they are
        subscriptions.recordFailure(endpoint, now, now.plus(HOUR)).block();
        queue(endpoint, Delivery.Status.PENDING, now.minus(HOUR));
        queue(endpoint, Delivery.Status.PENDING, now.minusSeconds(60));
        queue(endpoint, Delivery.Status.PENDING, now.plus(HOUR));
        queue(endpoint, Delivery.Status.DELIVERED, now.minus(HOUR.multipliedBy(2)));

        refresher.refreshNow();

        assertThat(gauge(ConcordMeters.WEBHOOK_PENDING)).as("pending, due or not").isEqualTo(3);
        assertThat(gauge(ConcordMeters.WEBHOOK_OLDEST_DUE_AGE)).as("seconds the oldest due one has been due")
                .isCloseTo(HOUR.toSeconds(), within((double) PATIENCE.toSeconds()));

        deliveries.cancelPending(endpoint, "the test is over", Instant.now()).block();
        refresher.refreshNow();

        assertThat(gauge(ConcordMeters.WEBHOOK_PENDING)).isZero();
        assertThat(gauge(ConcordMeters.WEBHOOK_OLDEST_DUE_AGE)).as("none due").isZero();
    }

    private void queue(UUID endpoint, Delivery.Status status, Instant nextAttemptAt) {
        Delivery queued = Delivery.queue(endpoint, UUID.randomUUID().toString(), "concord.agreement.opened",
                nextAttemptAt);
        deliveries.insertMessage(queued.eventId(), queued.eventType(), "{}", nextAttemptAt)
                .then(deliveries.insert(List.of(new Delivery(queued.id(), endpoint, queued.eventId(),
                        queued.eventType(), status, 0, nextAttemptAt, false, null, null, nextAttemptAt, null))))
                .block();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
