package org.concord.platform.outbox;

import java.util.List;

import org.concord.platform.observability.TraceContext;
import org.concord.platform.persistence.Sql;
import org.concord.platform.usecase.AfterCommit;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write side of the transactional outbox. {@link #append} inserts the event in the caller's R2DBC
 * transaction, so the event exists if and only if the change commits; after the commit the relay is woken
 * to publish it at once.
 *
 * <p>The row keeps the trace context of the request or record that caused it ({@link TraceContext}): the relay's
 * publish span is its child, so the trace goes on across the broker.
 *
 * <p>Write the aggregate's own row before appending its events: the row lock then orders the events of one
 * aggregate by commit, which is the order the relay publishes them in.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, occurred_at, traceparent, payload)
            VALUES (:eventId, :topic, :key, :type, :subject, :occurredAt, :traceparent, :payload)""";

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Runnable afterCommit;
    private final TraceContext trace;
    private final List<OutboxListener> committed;

    public Outbox(DatabaseClient db, JsonMapper json, Runnable afterCommit) {
        this(db, json, afterCommit, TraceContext.none(), List.of());
    }

    /**
     * @param committed told of each event once the transaction that appended it committed (e.g. to count signatures)
     */
    public Outbox(DatabaseClient db, JsonMapper json, Runnable afterCommit, TraceContext trace,
            List<OutboxListener> committed) {
        this.db = db;
        this.json = json;
        this.afterCommit = afterCommit;
        this.trace = trace;
        this.committed = List.copyOf(committed);
    }

    public Mono<Void> append(OutboxEvent event) {
        return trace.current()
                .defaultIfEmpty("")
                .flatMap(traceparent -> insert(event, traceparent))
                .then(AfterCommit.run(() -> {
                    committed.forEach(listener -> listener.committed(event));
                    afterCommit.run();
                }));
    }

    private Mono<Void> insert(OutboxEvent event, String traceparent) {
        var insert = db.sql(INSERT)
                .bind("eventId", event.id())
                .bind("topic", event.topic())
                .bind("key", event.key())
                .bind("type", event.type())
                .bind("subject", event.subject())
                .bind("occurredAt", Sql.utc(event.time()))
                .bind("payload", json.writeValueAsString(event.data()));
        return Sql.bind(insert, "traceparent", traceparent.isEmpty() ? null : traceparent, String.class).then();
    }

}
