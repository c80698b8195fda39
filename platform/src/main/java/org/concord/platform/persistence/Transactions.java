package org.concord.platform.persistence;

import java.time.Duration;
import java.util.function.Supplier;

import org.concord.platform.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs a use case as one R2DBC transaction (its change, audit entries and outbox events commit together),
 * and runs it again when it lost a race with a concurrent change of the same aggregate: the optimistic
 * version check failed, or the database reported a lock conflict. Each attempt starts from a fresh read, so
 * twelve parties signing one agreement at the same moment all succeed, one after the other. Attempts are
 * bounded ({@code concord.transactions.conflict-attempts}) and spread by a jittered back-off.
 *
 * <p>A use case run inside another (e.g. drafting inside an {@code Idempotency-Key} replay check) joins the
 * outer transaction; the outermost one owns the retries.
 */
public class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final String IN_TRANSACTION = Transactions.class.getName() + ".active";

    private final TransactionalOperator tx;
    private final int maxAttempts;

    public Transactions(TransactionalOperator tx, int conflictAttempts) {
        this.tx = tx;
        this.maxAttempts = Math.max(1, conflictAttempts);
    }

    public <T> Mono<T> run(Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> context.hasKey(IN_TRANSACTION)
                ? Mono.defer(work)
                : Mono.defer(() -> tx.transactional(Mono.defer(work)))
                        .retryWhen(Retry.backoff(maxAttempts - 1L, Duration.ofMillis(5))
                                .maxBackoff(Duration.ofMillis(100))
                                .jitter(0.75)
                                .filter(Transactions::isConflict)
                                .doBeforeRetry(retry -> log.debug("lost a race (attempt {}), running again: {}",
                                        retry.totalRetries() + 1, retry.failure().toString()))
                                .onRetryExhaustedThrow((spec, signal) -> new DomainException(
                                        DomainException.Kind.CONFLICT,
                                        "this resource is being changed by too many requests at once; try again")))
                        .contextWrite(ctx -> ctx.put(IN_TRANSACTION, true)));
    }

    /** Lost a race: optimistic version check, lock timeout, deadlock, serialization failure... */
    static boolean isConflict(Throwable e) {
        return e instanceof TransientDataAccessException;
    }
}
