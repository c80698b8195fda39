package org.concord.platform.inbox;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.persistence.Sql;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
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
 *
 * <p>Except one: when the database cannot be reached (a restart, a failover), the event is not at fault, and the
 * binder's few quick attempts would park a perfectly good event in the dead-letter topic, its effect lost. Then the
 * consumer holds the event and tries again (100 ms, doubling to 5 s) until the database answers.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

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
        Duration wait = FIRST_WAIT;
        Instant unavailableSince = null;
        while (true) {
            try {
                Boolean applied = claim(consumer, event)
                        .flatMap(claimed -> claimed ? effect.apply(event).thenReturn(true) : Mono.just(false))
                        .as(tx::transactional)
                        .block(timeout);
                if (unavailableSince != null) {
                    log.info("{}: the database answers again after {} ms; event {} went through", consumer,
                            Duration.between(unavailableSince, Instant.now()).toMillis(), event.id());
                }
                if (Boolean.FALSE.equals(applied)) {
                    log.debug("{} skipped duplicate event {} ({})", consumer, event.id(), event.type());
                }
                return Boolean.TRUE.equals(applied);
            } catch (RuntimeException e) {
                if (!databaseUnavailable(e)) {
                    throw e;
                }
                if (unavailableSince == null) {
                    unavailableSince = Instant.now();
                    log.warn("{}: the database is unavailable ({}); holding event {} until it answers", consumer,
                            rootMessage(e), event.id());
                }
                pause(wait, e);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /**
     * The database could not be reached or did not answer in time: a condition that passes, not a property of the
     * event (unlike data it cannot read, or a constraint it breaks).
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof R2dbcTransientResourceException || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTimeoutException || cause instanceof ConnectException
                    || cause instanceof TimeoutException) {
                return true;
            }
            // PostgreSQL: connection exceptions (08...) and a server shutting down or restarting (57P...)
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
                    && (r2dbc.getSqlState().startsWith("08") || r2dbc.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration wait, RuntimeException failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * Forgets which events a consumer has processed, so that a replay from the start of the topic applies them
     * again; run it in the same transaction that drops the consumer's projection.
     */
    public Mono<Void> forget(String consumer) {
        return db.sql("DELETE FROM processed_event WHERE consumer = :consumer").bind("consumer", consumer).then();
    }

    /** Whether {@code consumer} has processed the event (its effect committed). */
    public Mono<Boolean> processed(String consumer, String eventId) {
        return db.sql("SELECT COUNT(*) AS n FROM processed_event WHERE consumer = :consumer AND event_id = :eventId")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .map(row -> ((Number) row.get("n")).longValue() > 0)
                .one();
    }

    /** Which of {@code eventIds} {@code consumer} has processed. */
    public reactor.core.publisher.Flux<String> processed(String consumer, java.util.Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return reactor.core.publisher.Flux.empty();
        }
        return db.sql("SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id IN (:eventIds)")
                .bind("consumer", consumer)
                .bind("eventIds", java.util.List.copyOf(eventIds))
                .map(row -> row.get("event_id", String.class))
                .all();
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
