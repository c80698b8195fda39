package org.concord.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.platform.observability.Age;
import org.concord.platform.observability.ConcordMeters;
import org.concord.platform.observability.GaugeRefresher;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The outbox's backlog as gauges: its rows (all waiting to be published: the relay deletes what it published), and
 * the age of the oldest (refreshed, never read on a scrape).
 */
public final class OutboxBacklog implements GaugeRefresher.Refresh {

    private static final String BACKLOG = """
            SELECT COUNT(*) AS backlog, MIN(occurred_at) AS oldest FROM outbox_event""";

    private final DatabaseClient db;
    private final Duration timeout;
    private final AtomicLong rows = new AtomicLong();
    private volatile Instant oldest;

    public OutboxBacklog(DatabaseClient db, Duration timeout, MeterRegistry meters) {
        this.db = db;
        this.timeout = timeout;
        Gauge.builder(ConcordMeters.OUTBOX_BACKLOG, rows, AtomicLong::get)
                .description("Outbox rows not yet published").baseUnit("rows").register(meters);
        Gauge.builder(ConcordMeters.OUTBOX_OLDEST_AGE, this, OutboxBacklog::oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox row (0 when there is none)").baseUnit("seconds")
                .register(meters);
    }

    @Override
    public String name() {
        return "the outbox backlog";
    }

    @Override
    public void run() {
        db.sql(BACKLOG)
                .map(row -> {
                    rows.set(((Number) row.get("backlog")).longValue());
                    OffsetDateTime at = row.get("oldest", OffsetDateTime.class);
                    oldest = at == null ? null : at.toInstant();
                    return true;
                })
                .one()
                .block(timeout);
    }

    double oldestAgeSeconds() {
        return Age.secondsSince(oldest);
    }
}
