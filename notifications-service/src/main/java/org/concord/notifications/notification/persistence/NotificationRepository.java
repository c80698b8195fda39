package org.concord.notifications.notification.persistence;

import org.concord.platform.persistence.Sql;
import org.concord.notifications.notification.domain.Notification;
import org.concord.notifications.notification.domain.NotificationFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The inbox table ({@code notification}). */
@Repository
public class NotificationRepository {

    private static final String INSERTED =
            "event_id, event_type, agreement_id, agreement_title, region, message, occurred_at, created_at";
    private static final String COLUMNS = "id, " + INSERTED;

    private final DatabaseClient db;

    public NotificationRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts the notifications in one statement (an event's are written together) and returns them with their ids,
     * in the order given. Each is told apart by its region, so no two may share one (as one event's notifications
     * do not: {@code AgreementChange#recipients()}).
     *
     * @throws IllegalArgumentException if two of the batch are to the same region
     */
    public Mono<List<Notification>> insertAll(List<Notification> batch) {
        if (batch.isEmpty()) {
            return Mono.just(List.of());
        }
        Set<String> regions = new HashSet<>();
        for (Notification n : batch) {
            if (!regions.add(n.region())) {
                throw new IllegalArgumentException("two notifications to " + n.region() + " in one insert (event "
                        + n.eventId() + "): their ids could not be told apart");
            }
        }
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < batch.size(); i++) {
            rows.add("(:eventId%1$d, :type%1$d, :agreementId%1$d, :title%1$d, :region%1$d, :message%1$d, :occurredAt%1$d, :createdAt%1$d)"
                    .formatted(i));
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO notification (" + INSERTED + ") VALUES " + rows);
        for (int i = 0; i < batch.size(); i++) {
            Notification n = batch.get(i);
            insert = insert.bind("eventId" + i, n.eventId())
                    .bind("type" + i, n.type())
                    .bind("agreementId" + i, n.agreementId())
                    .bind("title" + i, n.agreementTitle())
                    .bind("region" + i, n.region())
                    .bind("message" + i, n.message())
                    .bind("occurredAt" + i, Sql.utc(n.occurredAt()))
                    .bind("createdAt" + i, Sql.utc(n.createdAt()));
        }
        return insert.filter(statement -> statement.returnGeneratedValues("id", "region"))
                .map(row -> Map.entry(row.get("region", String.class), row.get("id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(ids -> batch.stream().map(n -> withId(n, ids.get(n.region()))).toList());
    }

    private static Notification withId(Notification n, Long id) {
        if (id == null) {
            throw new IllegalStateException("no id came back for the notification to " + n.region() + " of event " + n.eventId());
        }
        return new Notification(id, n.eventId(), n.type(), n.agreementId(), n.agreementTitle(), n.region(), n.message(),
                n.occurredAt(), n.createdAt());
    }

    /** A page of the inbox, newest first. */
    public Mono<Page<Notification>> page(NotificationFilter filter, PageQuery query) {
        String where = where(filter);
        Mono<Long> total = bindFilter(db.sql("SELECT COUNT(*) AS total FROM notification" + where), filter)
                .map(row -> ((Number) row.get("total")).longValue())
                .one();
        Mono<java.util.List<Notification>> items = bindFilter(db.sql(
                        "SELECT " + COLUMNS + " FROM notification" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                filter)
                .bind("limit", query.size())
                .bind("offset", query.offset())
                .map(NotificationRepository::notification)
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> Page.of(t.getT1(), query, t.getT2()));
    }

    /** Up to {@code limit} notifications written after {@code afterId}, oldest first: what a reconnecting reader missed. */
    public Flux<Notification> after(long afterId, NotificationFilter filter, int limit) {
        String where = where(filter);
        where = (where.isEmpty() ? " WHERE" : where + " AND") + " id > :afterId";
        return bindFilter(db.sql("SELECT " + COLUMNS + " FROM notification" + where + " ORDER BY id LIMIT :limit"), filter)
                .bind("afterId", afterId)
                .bind("limit", limit)
                .map(NotificationRepository::notification)
                .all();
    }

    public Flux<Notification> ofEvent(String eventId) {
        return db.sql("SELECT " + COLUMNS + " FROM notification WHERE event_id = :eventId ORDER BY id")
                .bind("eventId", eventId)
                .map(NotificationRepository::notification)
                .all();
    }

    private static String where(NotificationFilter filter) {
        StringBuilder where = new StringBuilder();
        if (filter.region() != null) {
            where.append(" WHERE region = :region");
        }
        if (filter.type() != null) {
            where.append(where.isEmpty() ? " WHERE" : " AND").append(" event_type = :type");
        }
        return where.toString();
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec,
            NotificationFilter filter) {
        if (filter.region() != null) {
            spec = spec.bind("region", filter.region());
        }
        if (filter.type() != null) {
            spec = spec.bind("type", filter.type());
        }
        return spec;
    }

    private static Notification notification(io.r2dbc.spi.Readable row) {
        return new Notification(
                row.get("id", Long.class),
                row.get("event_id", String.class),
                row.get("event_type", String.class),
                row.get("agreement_id", String.class),
                row.get("agreement_title", String.class),
                row.get("region", String.class),
                row.get("message", String.class),
                Sql.instant(row, "occurred_at"),
                Sql.instant(row, "created_at"));
    }
}
