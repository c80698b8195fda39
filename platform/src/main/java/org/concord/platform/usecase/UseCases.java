package org.concord.platform.usecase;

import java.time.Duration;
import java.util.function.Supplier;

import org.concord.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The one way a use case runs: as one R2DBC transaction (its change, audit entries, outbox events and
 * {@code Idempotency-Key} record commit together), run again when it lost a race with a concurrent change of the
 * same aggregate (an optimistic version check failed, or the database reported a lock conflict). Each attempt
 * starts from a fresh read, so twelve parties signing one agreement at the same moment all succeed, one after the
 * other. Attempts are bounded ({@code concord.transactions.conflict-attempts}) and spread by a jittered back-off;
 * when they run out the client gets a conflict.
 *
 * <p>A use case run inside another (a use case inside an {@code Idempotency-Key} check, a consumer's effect
 * calling a use case) joins the outer transaction; the outermost one owns the retries.
 */
public class UseCases {

    private static final Logger log = LoggerFactory.getLogger(UseCases.class);
    private static final String IN_TRANSACTION = UseCases.class.getName() + ".active";

    private final TransactionalOperator tx;
    private final int maxAttempts;

    public UseCases(TransactionalOperator tx, int conflictAttempts) {
        this.tx = tx;
        this.maxAttempts = Math.max(1, conflictAttempts);
    }

    public <T> Mono<T> run(Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> inTransaction(context)
                ? Mono.defer(work)
                : Mono.defer(() -> tx.transactional(Mono.defer(work)))
                        .retryWhen(reactor.util.retry.Retry.backoff(maxAttempts - 1L, Duration.ofMillis(5))
                                .maxBackoff(Duration.ofMillis(100))
                                .jitter(0.75)
                                .filter(UseCases::isConflict)
                                .doBeforeRetry(retry -> log.debug("lost a race (attempt {}), running again: {}",
                                        retry.totalRetries() + 1, retry.failure().toString()))
                                .onRetryExhaustedThrow((spec, signal) -> new DomainException(
                                        DomainException.Meaning.CONFLICT,
                                        "this resource is being changed by too many requests at once; try again")))
                        .contextWrite(ctx -> ctx.put(IN_TRANSACTION, true)));
    }

    /** Whether a use case is running in this context (another one joins its transaction). */
    static boolean inTransaction(reactor.util.context.ContextView context) {
        return context.hasKey(IN_TRANSACTION);
    }

    /** Lost a race: optimistic version check, lock timeout, deadlock, serialization failure... */
    static boolean isConflict(Throwable e) {
        return e instanceof TransientDataAccessException;
    }
}
