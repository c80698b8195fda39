package org.concord.notifications.subscription.persistence;

import org.concord.platform.persistence.Sql;
import org.concord.notifications.subscription.domain.Subscription;
import org.concord.notifications.subscription.domain.WebhookSecret;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscriptions and their signing secrets (tables {@code subscription}, {@code subscription_secret}). */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS =
            "id, url, event_types, regions, status, disabled_reason, failing_since, version, created_at";

    private final DatabaseClient db;

    public SubscriptionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Subscription s, WebhookSecret secret) {
        var insert = db.sql("""
                INSERT INTO subscription (id, url, event_types, regions, status, version, created_at, updated_at)
                VALUES (:id, :url, :eventTypes, :regions, :status, :version, :now, :now)""")
                .bind("id", s.id())
                .bind("url", s.url().toString())
                .bind("eventTypes", String.join(",", s.eventTypes()))
                .bind("regions", String.join(",", s.regions()))
                .bind("status", s.status().name())
                .bind("version", s.version())
                .bind("now", Sql.utc(s.createdAt()));
        return insert.then().then(addSecret(s.id(), secret, s.createdAt()));
    }

    /** A subscription that is not deleted. */
    public Mono<Subscription> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = :id AND status <> 'DELETED'")
                .bind("id", id)
                .map(SubscriptionRepository::subscription)
                .one();
    }


    public Flux<Subscription> findActive() {
        return db.sql("SELECT " + COLUMNS + " FROM subscription WHERE status = 'ACTIVE'")
                .map(SubscriptionRepository::subscription)
                .all();
    }

    /** The active subscriptions whose endpoint may be tried now: not backing off after a failure. */
    public Flux<Subscription> ready(Instant now) {
        return db.sql("SELECT " + COLUMNS + " FROM subscription WHERE status = 'ACTIVE'"
                        + " AND (backoff_until IS NULL OR backoff_until <= :now)")
                .bind("now", Sql.utc(now))
                .map(SubscriptionRepository::subscription)
                .all();
    }

    public Mono<Page<Subscription>> page(PageQuery query) {
        Mono<Long> total = db.sql("SELECT COUNT(*) AS total FROM subscription WHERE status <> 'DELETED'")
                .map(row -> Sql.number(row, "total"))
                .one();
        Mono<List<Subscription>> items = db.sql("SELECT " + COLUMNS
                        + " FROM subscription WHERE status <> 'DELETED' ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("limit", query.size())
                .bind("offset", query.offset())
                .map(SubscriptionRepository::subscription)
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> Page.of(t.getT1(), query, t.getT2()));
    }

    /**
     * The secrets to sign with at {@code now}, newest first: the current one and any still in its overlap window; none
     * once the subscription is no longer active.
     */
    public Mono<List<WebhookSecret>> secretsIfActive(UUID subscriptionId, Instant now) {
        return db.sql("""
                SELECT ss.secret FROM subscription_secret ss JOIN subscription s ON s.id = ss.subscription_id
                WHERE ss.subscription_id = :id AND s.status = 'ACTIVE' AND (ss.expires_at IS NULL OR ss.expires_at > :now)
                ORDER BY ss.id DESC""")
                .bind("id", subscriptionId)
                .bind("now", Sql.utc(now))
                .map(row -> new WebhookSecret(row.get("secret", String.class)))
                .all()
                .collectList();
    }

    /** Ends the current secret(s) at {@code oldValidUntil} (unless ending sooner) and adds the new one. */
    public Mono<Void> rotateSecret(UUID subscriptionId, WebhookSecret secret, Instant now, Instant oldValidUntil) {
        return db.sql("""
                UPDATE subscription_secret SET expires_at = :until
                WHERE subscription_id = :id AND (expires_at IS NULL OR expires_at > :until)""")
                .bind("id", subscriptionId)
                .bind("until", Sql.utc(oldValidUntil))
                .then()
                .then(addSecret(subscriptionId, secret, now))
                .then(touch(subscriptionId, now));
    }

    public Mono<Boolean> markDeleted(UUID id, Instant now) {
        return db.sql("UPDATE subscription SET status = 'DELETED', version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND status <> 'DELETED'")
                .bind("id", id)
                .bind("now", Sql.utc(now))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Disables an active subscription; false if it was not active (another delivery disabled it first). */
    public Mono<Boolean> disable(UUID id, String reason, Instant now) {
        return db.sql("UPDATE subscription SET status = 'DISABLED', disabled_reason = :reason, version = version + 1, "
                        + "updated_at = :now WHERE id = :id AND status = 'ACTIVE'")
                .bind("id", id)
                .bind("reason", reason)
                .bind("now", Sql.utc(now))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    public Mono<Boolean> enable(UUID id, Instant now) {
        return db.sql("UPDATE subscription SET status = 'ACTIVE', disabled_reason = NULL, failing_since = NULL, "
                        + "backoff_until = NULL, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND status = 'DISABLED'")
                .bind("id", id)
                .bind("now", Sql.utc(now))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Notes a successful attempt: the endpoint is healthy again, no longer failing nor backing off. */
    public Mono<Void> recordSuccess(UUID id) {
        return db.sql("UPDATE subscription SET failing_since = NULL, backoff_until = NULL"
                        + " WHERE id = :id AND failing_since IS NOT NULL")
                .bind("id", id)
                .then();
    }

    /**
     * Notes a failed attempt: the endpoint has been failing since its first failure after a success, and none of its
     * deliveries is tried before {@code backoffUntil}.
     */
    public Mono<Void> recordFailure(UUID id, Instant now, Instant backoffUntil) {
        return db.sql("UPDATE subscription SET failing_since = COALESCE(failing_since, :now), backoff_until = :until"
                        + " WHERE id = :id")
                .bind("id", id)
                .bind("now", Sql.utc(now))
                .bind("until", Sql.utc(backoffUntil))
                .then();
    }

    /** Ends the endpoint's back-off now (an operator sends a delivery now): its next due delivery probes it. */
    public Mono<Void> endBackoff(UUID id) {
        return db.sql("UPDATE subscription SET backoff_until = NULL WHERE id = :id AND backoff_until IS NOT NULL")
                .bind("id", id)
                .then();
    }

    private Mono<Void> addSecret(UUID subscriptionId, WebhookSecret secret, Instant now) {
        return db.sql("INSERT INTO subscription_secret (subscription_id, secret, created_at) VALUES (:id, :secret, :now)")
                .bind("id", subscriptionId)
                .bind("secret", secret.value())
                .bind("now", Sql.utc(now))
                .then();
    }

    private Mono<Void> touch(UUID id, Instant now) {
        return db.sql("UPDATE subscription SET version = version + 1, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", Sql.utc(now))
                .then();
    }

    private static Subscription subscription(io.r2dbc.spi.Readable row) {
        return new Subscription(
                row.get("id", UUID.class),
                URI.create(row.get("url", String.class)),
                split(row.get("event_types", String.class)),
                split(row.get("regions", String.class)),
                Subscription.Status.valueOf(row.get("status", String.class)),
                row.get("disabled_reason", String.class),
                Sql.instant(row, "failing_since"),
                Sql.number(row, "version"),
                Sql.instant(row, "created_at"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
