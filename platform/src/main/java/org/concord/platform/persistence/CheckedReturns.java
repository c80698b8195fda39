package org.concord.platform.persistence;

import java.time.Duration;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A pool's connections, each checked before it goes back to the pool when it was held longer than any use of ours
 * takes: it must answer a round trip within the same time, or it is closed instead of handed to the next use case.
 * A use given up on by a timeout (its database server process frozen, or the network to it) leaves its connection
 * still owed an answer, and every later statement on it would wait behind that one. A connection held briefly is
 * returned as it is: no round trip on the way of a signature.
 */
public final class CheckedReturns implements ConnectionFactory, Wrapped<ConnectionFactory>, Disposable {

    private static final Logger log = LoggerFactory.getLogger(CheckedReturns.class);

    private final ConnectionFactory pool;
    private final Duration heldLong;

    /** Connections of {@code pool}; one held longer than {@code heldLong} must answer within it on its way back. */
    public CheckedReturns(ConnectionFactory pool, Duration heldLong) {
        this.pool = pool;
        this.heldLong = heldLong;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(pool.create()).map(connection -> new Held(connection, System.nanoTime()));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return pool;
    }

    /** Closes the pool: this wrapper is the application's connection factory, the one the context disposes of. */
    @Override
    public void dispose() {
        if (pool instanceof Disposable disposable) {
            disposable.dispose();
        }
    }

    private Mono<Void> giveBack(Connection connection, long heldSince) {
        Duration held = Duration.ofNanos(System.nanoTime() - heldSince);
        if (held.compareTo(heldLong) < 0) {
            return Mono.from(connection.close());
        }
        return Mono.from(connection.validate(ValidationDepth.REMOTE))
                .timeout(heldLong, Mono.just(false))
                .onErrorReturn(false)
                .flatMap(answers -> answers ? Mono.from(connection.close()) : drop(connection, held));
    }

    /**
     * Closes the connection itself, so that the pool, which checks that a connection is open before it hands it out,
     * drops it.
     */
    private Mono<Void> drop(Connection connection, Duration held) {
        log.warn("a database connection held for {} ms did not answer within {}: closed instead of going back to the"
                + " pool", held.toMillis(), heldLong);
        Connection physical = connection instanceof Wrapped<?> pooled && pooled.unwrap() instanceof Connection inner
                ? inner : connection;
        return Mono.from(physical.close()).timeout(heldLong).onErrorResume(error -> Mono.empty())
                .then(Mono.from(connection.close()).onErrorResume(error -> Mono.empty()));
    }

    /** A connection as handed out: everything as the pool's, except the way back. */
    private final class Held implements Connection, Wrapped<Connection> {

        private final Connection connection;
        private final long heldSince;

        private Held(Connection connection, long heldSince) {
            this.connection = connection;
            this.heldSince = heldSince;
        }

        @Override
        public Publisher<Void> close() {
            return giveBack(connection, heldSince);
        }

        @Override
        public Connection unwrap() {
            return connection;
        }

        @Override
        public Publisher<Void> beginTransaction() {
            return connection.beginTransaction();
        }

        @Override
        public Publisher<Void> beginTransaction(TransactionDefinition definition) {
            return connection.beginTransaction(definition);
        }

        @Override
        public Publisher<Void> commitTransaction() {
            return connection.commitTransaction();
        }

        @Override
        public Batch createBatch() {
            return connection.createBatch();
        }

        @Override
        public Publisher<Void> createSavepoint(String name) {
            return connection.createSavepoint(name);
        }

        @Override
        public Statement createStatement(String sql) {
            return connection.createStatement(sql);
        }

        @Override
        public boolean isAutoCommit() {
            return connection.isAutoCommit();
        }

        @Override
        public ConnectionMetadata getMetadata() {
            return connection.getMetadata();
        }

        @Override
        public IsolationLevel getTransactionIsolationLevel() {
            return connection.getTransactionIsolationLevel();
        }

        @Override
        public Publisher<Void> releaseSavepoint(String name) {
            return connection.releaseSavepoint(name);
        }

        @Override
        public Publisher<Void> rollbackTransaction() {
            return connection.rollbackTransaction();
        }

        @Override
        public Publisher<Void> rollbackTransactionToSavepoint(String name) {
            return connection.rollbackTransactionToSavepoint(name);
        }

        @Override
        public Publisher<Void> setAutoCommit(boolean autoCommit) {
            return connection.setAutoCommit(autoCommit);
        }

        @Override
        public Publisher<Void> setLockWaitTimeout(Duration timeout) {
            return connection.setLockWaitTimeout(timeout);
        }

        @Override
        public Publisher<Void> setStatementTimeout(Duration timeout) {
            return connection.setStatementTimeout(timeout);
        }

        @Override
        public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
            return connection.setTransactionIsolationLevel(isolationLevel);
        }

        @Override
        public Publisher<Boolean> validate(ValidationDepth depth) {
            return connection.validate(depth);
        }
    }
}
