package org.concord.notifications.delivery.persistence;

import org.concord.platform.persistence.Sql;
import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.domain.DeliveryAttempt;
import org.concord.notifications.delivery.domain.DeliveryClaim;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.concord.platform.observability.TraceContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deliveries, their attempts and the messages they send (tables {@code webhook_delivery}, {@code delivery_attempt},
 * {@code webhook_message}). An event's payload is stored once, as its message, not with each of its deliveries: a
 * delivery's row stays small, and its many UPDATEs never rewrite the payload. A delivery is
 * claimed by a conditional UPDATE on {@code claimed_until}, so two instances never send the same one at once, that
 * passes over rows locked by another transaction (SKIP LOCKED, by primary key: H2 misses rows only when it reads
 * them through a secondary index), and its attempt is recorded by
 * one conditional on the claim's token, so a sender that outlived its claim cannot overwrite the next one's.
 */
@Repository
public class DeliveryRepository {

    private static final String COLUMNS = "d.id, d.subscription_id, d.event_id, d.event_type, d.status, d.attempts, "
            + "d.next_attempt_at, d.manual_retry, d.last_status_code, d.last_error, d.created_at, d.completed_at";

    /** A delivery that can be claimed: pending, and no claim holds it (none ever did, or the last one expired). */
    private static final String UNCLAIMED = "status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)";

    /** A delivery whose claim ends (its attempt recorded, or put back in the queue): no instance holds it. */
    private static final String HELD_BY_NOBODY = "claimed_until = NULL, claimed_by = NULL, claim_token = NULL";

    private final DatabaseClient db;
    private final TraceContext trace;

    public DeliveryRepository(DatabaseClient db, TraceContext trace) {
        this.db = db;
        this.trace = trace;
    }

    /** Stores the event's payload, the body every delivery of the event sends: before its deliveries, once. */
    public Mono<Void> insertMessage(String eventId, String eventType, String payload, Instant now) {
        return db.sql("""
                INSERT INTO webhook_message (event_id, event_type, payload, created_at)
                VALUES (:eventId, :eventType, :payload, :now)""")
                .bind("eventId", eventId)
                .bind("eventType", eventType)
                .bind("payload", payload)
                .bind("now", Sql.utc(now))
                .then();
    }

    /**
     * Inserts the queued deliveries of one event, whose message is stored, in one statement (a row per subscription),
     * with the current trace context (the consumer span that queued them).
     */
    public Mono<Void> insert(List<Delivery> queued) {
        if (queued.isEmpty()) {
            return Mono.empty();
        }
        Delivery first = queued.get(0);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < queued.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :subscriptionId").append(i)
                    .append(", :eventId, :eventType, :status, 0, :next, FALSE, :now, :traceparent)");
        }
        return trace.current().defaultIfEmpty("").flatMap(traceparent -> {
            var insert = db.sql("INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, status,"
                            + " attempts, next_attempt_at, manual_retry, created_at, traceparent) VALUES " + rows)
                    .bind("eventId", first.eventId())
                    .bind("eventType", first.eventType())
                    .bind("status", first.status().name())
                    .bind("next", Sql.utc(first.nextAttemptAt()))
                    .bind("now", Sql.utc(first.createdAt()));
            for (int i = 0; i < queued.size(); i++) {
                insert = insert.bind("id" + i, queued.get(i).id())
                        .bind("subscriptionId" + i, queued.get(i).subscriptionId());
            }
            return Sql.bind(insert, "traceparent", traceparent.isEmpty() ? null : traceparent, String.class).then();
        });
    }

    /**
     * The endpoint's (subscription's) pending deliveries whose time has come and that nobody has claimed, oldest first,
     * at most {@code limit}: only this endpoint's rows are read, so another endpoint's backlog costs nothing here.
     * Each with the body to send (its event's message) and the trace context it was queued in.
     */
    public Flux<DueDelivery> due(UUID subscriptionId, Instant now, int limit) {
        return db.sql("SELECT " + COLUMNS + ", d.traceparent, m.payload FROM webhook_delivery d"
                        + " JOIN webhook_message m ON m.event_id = d.event_id WHERE d.subscription_id = :sid"
                        + " AND d.status = 'PENDING' AND d.next_attempt_at <= :now"
                        + " AND (d.claimed_until IS NULL OR d.claimed_until < :now)"
                        // the index's columns in full: H2 reads it in order then, instead of sorting all due rows
                        + " ORDER BY d.subscription_id, d.status, d.next_attempt_at LIMIT :limit")
                .bind("sid", subscriptionId)
                .bind("now", Sql.utc(now))
                .bind("limit", limit)
                .map(row -> new DueDelivery(delivery(row), row.get("payload", String.class),
                        row.get("traceparent", String.class)))
                .all();
    }

    /**
     * Reserves these deliveries for the instance {@code holder} until {@code until}, in one statement: those still
     * pending and not held by another instance. Returns the claim: its token, and the ids it reserved. A row another
     * transaction has locked (its attempt being recorded) is passed over, not waited for: a transaction that never
     * ends, on a frozen connection, would otherwise stop every later round at its rows. Checked again under the lock.
     */
    public Mono<DeliveryClaim> claim(Collection<UUID> ids, String holder, Instant now, Instant until) {
        UUID token = UUID.randomUUID();
        if (ids.isEmpty()) {
            return Mono.just(new DeliveryClaim(holder, token, Set.of()));
        }
        return db.sql("UPDATE webhook_delivery SET claimed_until = :until, claim_token = :token, claimed_by = :holder"
                        + " WHERE id IN (SELECT id FROM webhook_delivery WHERE id IN (:ids) AND " + UNCLAIMED
                        + " FOR UPDATE SKIP LOCKED) AND " + UNCLAIMED)
                .bind("ids", List.copyOf(ids))
                .bind("token", token)
                .bind("holder", holder)
                .bind("now", Sql.utc(now))
                .bind("until", Sql.utc(until))
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == ids.size() ? Mono.just(Set.copyOf(ids)) : claimedBy(token, ids))
                .map(claimed -> new DeliveryClaim(holder, token, claimed));
    }

    private Mono<Set<UUID>> claimedBy(UUID token, Collection<UUID> ids) {
        return db.sql("SELECT id FROM webhook_delivery WHERE id IN (:ids) AND claim_token = :token")
                .bind("ids", List.copyOf(ids))
                .bind("token", token)
                .map(row -> row.get("id", UUID.class))
                .all()
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Gives back the claims the instance {@code holder} still has: called when it starts, so the deliveries it was
     * sending when it died are due again at once. Returns how many it gave back.
     */
    public Mono<Long> releaseClaimsOf(String holder) {
        return db.sql("UPDATE webhook_delivery SET " + HELD_BY_NOBODY
                        + " WHERE claimed_by = :holder AND status = 'PENDING' AND claimed_until IS NOT NULL")
                .bind("holder", holder)
                .fetch().rowsUpdated();
    }

    public Mono<Delivery> find(UUID subscriptionId, UUID deliveryId) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_delivery d WHERE d.id = :id AND d.subscription_id = :sid")
                .bind("id", deliveryId)
                .bind("sid", subscriptionId)
                .map(DeliveryRepository::delivery)
                .one();
    }

    public Mono<Page<Delivery>> page(UUID subscriptionId, PageQuery query) {
        Mono<Long> total = db.sql("SELECT COUNT(*) AS total FROM webhook_delivery WHERE subscription_id = :sid")
                .bind("sid", subscriptionId)
                .map(row -> Sql.number(row, "total"))
                .one();
        Mono<List<Delivery>> items = db.sql("SELECT " + COLUMNS + " FROM webhook_delivery d WHERE d.subscription_id = :sid"
                        + " ORDER BY d.created_at DESC, d.id LIMIT :limit OFFSET :offset")
                .bind("sid", subscriptionId)
                .bind("limit", query.size())
                .bind("offset", query.offset())
                .map(DeliveryRepository::delivery)
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> Page.of(t.getT1(), query, t.getT2()));
    }

    public Mono<Map<UUID, List<DeliveryAttempt>>> attemptsOf(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT delivery_id, attempt, attempted_at, status_code, duration_ms, error FROM delivery_attempt"
                        + " WHERE delivery_id IN (:ids) ORDER BY delivery_id, attempt")
                .bind("ids", List.copyOf(deliveryIds))
                .map(row -> Map.entry(row.get("delivery_id", UUID.class), new DeliveryAttempt(
                        ((Number) row.get("attempt")).intValue(),
                        Sql.instant(row, "attempted_at"),
                        row.get("status_code") == null ? null : ((Number) row.get("status_code")).intValue(),
                        ((Number) row.get("duration_ms")).longValue(),
                        row.get("error", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public Mono<Void> addAttempt(UUID deliveryId, DeliveryAttempt attempt) {
        var insert = db.sql("""
                INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, status_code, duration_ms, error)
                VALUES (:deliveryId, :attempt, :at, :statusCode, :durationMs, :error)""")
                .bind("deliveryId", deliveryId)
                .bind("attempt", attempt.attempt())
                .bind("at", Sql.utc(attempt.at()))
                .bind("durationMs", attempt.durationMs());
        insert = Sql.bind(insert, "statusCode", attempt.statusCode(), Integer.class);
        insert = Sql.bind(insert, "error", truncate(attempt.error()), String.class);
        return insert.then();
    }

    /**
     * Writes the delivery's state after an attempt and releases its claim, if the claim {@code token} still holds it:
     * the row is still pending and no other claim has taken it since (an expired claim nobody took is still held).
     * Returns false, having written nothing, when the claim was lost.
     */
    public Mono<Boolean> update(Delivery d, UUID token) {
        var update = db.sql("""
                UPDATE webhook_delivery SET status = :status, attempts = :attempts, next_attempt_at = :next,
                       %s, manual_retry = :manual,
                       last_status_code = :statusCode, last_error = :error, completed_at = :completedAt
                WHERE id = :id AND claim_token = :token AND status = 'PENDING'""".formatted(HELD_BY_NOBODY))
                .bind("id", d.id())
                .bind("token", token)
                .bind("status", d.status().name())
                .bind("attempts", d.attempts())
                .bind("next", Sql.utc(d.nextAttemptAt()))
                .bind("manual", d.manualRetry());
        update = Sql.bind(update, "statusCode", d.lastStatusCode(), Integer.class);
        update = Sql.bind(update, "error", truncate(d.lastError()), String.class);
        update = Sql.bindTime(update, "completedAt", d.completedAt());
        return update.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** A delivery's status, and the instance that holds its claim (null when nobody does; only a pending one is held). */
    public record Holding(Delivery.Status status, String holder) {
    }

    public Mono<Holding> holdingOf(UUID id) {
        return db.sql("SELECT status, claimed_by FROM webhook_delivery WHERE id = :id")
                .bind("id", id)
                .map(row -> new Holding(Delivery.Status.valueOf(row.get("status", String.class)),
                        row.get("claimed_by", String.class)))
                .one();
    }

    /** Pending deliveries of a subscription that nobody is sending right now. */
    public Flux<Delivery> pendingUnclaimed(UUID subscriptionId, Instant now) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_delivery d WHERE d.subscription_id = :sid"
                        + " AND d.status = 'PENDING' AND (d.claimed_until IS NULL OR d.claimed_until < :now)")
                .bind("sid", subscriptionId)
                .bind("now", Sql.utc(now))
                .map(DeliveryRepository::delivery)
                .all();
    }

    /**
     * Cancels every pending delivery of the subscription in one statement, claimed ones too: their claims end, so
     * their senders write nothing afterwards. A webhook already on the wire cannot be recalled: the receiver may still
     * get it, but its attempt is not recorded.
     */
    public Mono<Long> cancelPending(UUID subscriptionId, String reason, Instant now) {
        return db.sql("UPDATE webhook_delivery SET status = 'CANCELLED', last_error = :reason, completed_at = :now, "
                        + HELD_BY_NOBODY + " WHERE subscription_id = :sid AND status = 'PENDING'")
                .bind("sid", subscriptionId)
                .bind("reason", truncate(reason))
                .bind("now", Sql.utc(now))
                .fetch().rowsUpdated();
    }

    /** Ends a pending, unclaimed delivery with this status; false if it is no longer pending or is being sent. */
    public Mono<Boolean> end(UUID id, Delivery.Status status, String reason, Instant now) {
        return db.sql("UPDATE webhook_delivery SET status = :status, last_error = :reason, completed_at = :now"
                        + " WHERE id = :id AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)")
                .bind("id", id)
                .bind("status", status.name())
                .bind("reason", truncate(reason))
                .bind("now", Sql.utc(now))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Puts a failed delivery back in the queue for one attempt now; false if it is not failed. */
    public Mono<Boolean> retryByHand(UUID subscriptionId, UUID deliveryId, Instant now) {
        return db.sql("UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, manual_retry = TRUE, "
                        + HELD_BY_NOBODY + ", completed_at = NULL"
                        + " WHERE id = :id AND subscription_id = :sid AND status = 'FAILED'")
                .bind("id", deliveryId)
                .bind("sid", subscriptionId)
                .bind("now", Sql.utc(now))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Brings a pending delivery that nobody is sending right now forward to {@code now}; false otherwise. */
    public Mono<Boolean> sendNow(UUID subscriptionId, UUID deliveryId, Instant now) {
        return db.sql("UPDATE webhook_delivery SET next_attempt_at = :now WHERE id = :id AND subscription_id = :sid"
                        + " AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)")
                .bind("id", deliveryId)
                .bind("sid", subscriptionId)
                .bind("now", Sql.utc(now))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    public Flux<Delivery> ofEvent(String eventId) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_delivery d WHERE d.event_id = :eventId")
                .bind("eventId", eventId)
                .map(DeliveryRepository::delivery)
                .all();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static Delivery delivery(io.r2dbc.spi.Readable row) {
        return new Delivery(
                row.get("id", UUID.class),
                row.get("subscription_id", UUID.class),
                row.get("event_id", String.class),
                row.get("event_type", String.class),
                Delivery.Status.valueOf(row.get("status", String.class)),
                ((Number) row.get("attempts")).intValue(),
                Sql.instant(row, "next_attempt_at"),
                Boolean.TRUE.equals(row.get("manual_retry", Boolean.class)),
                row.get("last_status_code") == null ? null : ((Number) row.get("last_status_code")).intValue(),
                row.get("last_error", String.class),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "completed_at"));
    }
}
