package org.concord.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.platform.observability.Age;
import org.concord.platform.observability.ConcordMeters;
import org.concord.platform.observability.GaugeRefresher;
import org.concord.platform.persistence.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The webhook queue as gauges (refreshed, never read on a scrape; the same on every instance): the pending deliveries,
 * and how long the oldest due one has been due. A delivery waiting for a later retry counts as pending but is not
 * behind, so it does not age the queue.
 */
@Component
class WebhookBacklog implements GaugeRefresher.Refresh {

    // from each subscription through the per-endpoint index (subscription_id, status, next_attempt_at): only pending
    // entries are read, with no index of its own that every insert and claim on the hot path would also write
    private static final String BACKLOG = """
            SELECT COUNT(*) AS pending, MIN(CASE WHEN d.next_attempt_at <= :now THEN d.next_attempt_at END) AS oldest_due
            FROM subscription s JOIN webhook_delivery d ON d.subscription_id = s.id AND d.status = 'PENDING'""";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseClient db;
    private final AtomicLong pending = new AtomicLong();
    private volatile Instant oldestDue;

    WebhookBacklog(DatabaseClient db, MeterRegistry meters, GaugeRefresher refresher) {
        this.db = db;
        Gauge.builder(ConcordMeters.WEBHOOK_PENDING, pending, AtomicLong::get)
                .description("Webhook deliveries queued and not yet ended (due or waiting for a retry)")
                .baseUnit("deliveries").register(meters);
        Gauge.builder(ConcordMeters.WEBHOOK_OLDEST_DUE_AGE, this, WebhookBacklog::oldestDueAgeSeconds)
                .description("How long the oldest due webhook delivery has been due (0 when none is)")
                .baseUnit("seconds").register(meters);
        refresher.add(this);
    }

    @Override
    public String name() {
        return "the webhook backlog";
    }

    @Override
    public void run() {
        db.sql(BACKLOG)
                .bind("now", Sql.utc(Instant.now()))
                .map(row -> {
                    pending.set(((Number) row.get("pending")).longValue());
                    OffsetDateTime at = row.get("oldest_due", OffsetDateTime.class);
                    oldestDue = at == null ? null : at.toInstant();
                    return true;
                })
                .one()
                .block(TIMEOUT);
    }

    double oldestDueAgeSeconds() {
        return Age.secondsSince(oldestDue);
    }
}
