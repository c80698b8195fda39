package org.concord.platform.inbox;

import java.time.Duration;
import java.util.function.Function;

import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.persistence.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies a consumer's effect of an event at most once per {@code ce_id}: the effect and the record that the
 * event was processed commit in one transaction; a redelivered event finds its record and changes nothing.
 *
 * <p>Meant for plain (imperative) Spring Cloud Stream consumer functions, which get the binder's bounded
 * retries and dead-letter topic (two deliveries of one event racing each other collide on the primary key;
 * the retry then finds the event processed). It blocks the listener thread until the transaction has committed, and any
 * exception it throws hands the record to that retry/dead-letter handling.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, processed_at)
            SELECT :consumer, :eventId, :now
            WHERE NOT EXISTS (SELECT 1 FROM processed_event WHERE consumer = :consumer AND event_id = :eventId)""";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Duration timeout;

    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx, Duration timeout) {
        this.db = db;
        this.tx = tx;
        this.timeout = timeout;
    }

    /**
     * Runs {@code effect} unless this consumer has already processed the event.
     *
     * @return true if the effect ran, false for a duplicate
     */
    public boolean apply(String consumer, CloudEvent event, Function<CloudEvent, Mono<Void>> effect) {
        Boolean applied = claim(consumer, event)
                .flatMap(claimed -> claimed ? effect.apply(event).thenReturn(true) : Mono.just(false))
                .as(tx::transactional)
                .block(timeout);
        if (Boolean.FALSE.equals(applied)) {
            log.debug("{} skipped duplicate event {} ({})", consumer, event.id(), event.type());
        }
        return Boolean.TRUE.equals(applied);
    }

    /**
     * Forgets which events a consumer has processed, so that a replay from the start of the topic applies them
     * again; run it in the same transaction that drops the consumer's projection.
     */
    public Mono<Void> forget(String consumer) {
        return db.sql("DELETE FROM processed_event WHERE consumer = :consumer").bind("consumer", consumer).then();
    }

    private Mono<Boolean> claim(String consumer, CloudEvent event) {
        return db.sql(CLAIM)
                .bind("consumer", consumer)
                .bind("eventId", event.id())
                .bind("now", Sql.utc(java.time.Instant.now()))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }
}
