package org.concord.platform.inbox;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a consumer's effects at most once per {@code ce_id}: the effects of a poll's events and the records that
 * they were processed commit in one transaction, in the events' order; a redelivered event finds its record and
 * changes nothing.
 *
 * <p>It blocks the listener thread until the transaction has committed; any exception it throws goes back to the
 * consumer ({@code EventConsumer}), which then tries the events one by one and parks what still fails. Two deliveries
 * of one event racing each other (two instances during a rebalance) collide on the primary key; the next attempt
 * finds the event processed.
 *
 * <p>Except one: when the database cannot be reached (a restart, a failover), the events are not at fault, and a few
 * quick attempts would park perfectly good events in the dead-letter topic, their effects lost. Then the consumer
 * holds the whole poll and tries it again (100 ms, doubling to 5 s) until the database answers.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final Duration LONGEST_POLL = Duration.ofMinutes(4);

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, processed_at)
            SELECT :consumer, :eventId, :now
            WHERE NOT EXISTS (SELECT 1 FROM processed_event WHERE consumer = :consumer AND event_id = :eventId)""";

    /** An event and its effect, to run unless the consumer has processed the event. */
    public record Pending(CloudEvent event, Function<CloudEvent, Mono<Void>> effect) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Duration timeout;

    /** @param timeout how long one event's claim and effect may take before the database counts as unavailable */
    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx, Duration timeout) {
        this.db = db;
        this.tx = tx;
        this.timeout = timeout;
    }

    /**
     * Runs {@code effect} unless this consumer has already processed the event, in a transaction of its own.
     *
     * @return true if the effect ran, false for a duplicate
     */
    public boolean apply(String consumer, CloudEvent event, Function<CloudEvent, Mono<Void>> effect) {
        return applyAll(consumer, List.of(new Pending(event, effect))).get(0);
    }

    /**
     * Runs the effects of {@code events} one after the other, in their order and in one transaction, each unless this
     * consumer has already processed its event (earlier, or earlier in the list).
     *
     * @return for each event, true if its effect ran, false for a duplicate
     */
    public List<Boolean> applyAll(String consumer, List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Duration wait = FIRST_WAIT;
        Instant unavailableSince = null;
        while (true) {
            try {
                List<Boolean> applied = Flux.fromIterable(events)
                        .concatMap(pending -> claim(consumer, pending.event())
                                .flatMap(claimed -> claimed
                                        ? pending.effect().apply(pending.event()).thenReturn(true)
                                        : Mono.just(false))
                                .timeout(timeout))
                        .collectList()
                        .as(tx::transactional)
                        .block(backstop(events.size()));
                if (unavailableSince != null) {
                    log.info("{}: the database answers again after {} ms; {} went through", consumer,
                            Duration.between(unavailableSince, Instant.now()).toMillis(), describe(events));
                }
                for (int i = 0; i < events.size(); i++) {
                    if (!applied.get(i)) {
                        log.debug("{} skipped duplicate event {} ({})", consumer, events.get(i).event().id(),
                                events.get(i).event().type());
                    }
                }
                return applied;
            } catch (RuntimeException e) {
                if (!databaseUnavailable(e)) {
                    throw e;
                }
                if (unavailableSince == null) {
                    unavailableSince = Instant.now();
                    log.warn("{}: the database is unavailable ({}); holding {} until it answers", consumer,
                            rootMessage(e), describe(events));
                }
                pause(wait, e);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /**
     * How long a whole poll may take: each event's step is held to {@code timeout} already, so this only catches a
     * commit that never returns; below Kafka's five minutes between polls, after which the consumer leaves its group.
     */
    private Duration backstop(int events) {
        Duration all = timeout.multipliedBy(events + 1L);
        return all.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : all;
    }

    private static String describe(List<Pending> events) {
        return events.size() == 1 ? "event " + events.get(0).event().id()
                : events.size() + " events (" + events.get(0).event().id() + " first)";
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
