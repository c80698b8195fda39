package org.concord.platform.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.concord.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Mono;

/**
 * The retry policy of a use case, without a database: a use case that lost a race runs again, a refusal does not,
 * and a nested use case leaves the retrying to the outermost one. (That real races are resolved is shown by
 * agreements-service's ConcurrentSigningOnPostgreSqlTest.)
 */
class UseCasesTest {

    private final CountingTransactions counting = new CountingTransactions();
    private final AtomicInteger transactionsStarted = counting.started();
    private final UseCases transactions = new UseCases(counting, 5);

    @Test
    void a_use_case_that_lost_a_race_runs_again_from_the_start() {
        AtomicInteger attempts = new AtomicInteger();

        String result = transactions.run(() -> attempts.incrementAndGet() < 3
                ? Mono.error(new OptimisticLockingFailureException("changed since read"))
                : Mono.just("committed")).block();

        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
        assertThat(transactionsStarted).hasValue(3);
    }

    @Test
    void a_refusal_is_not_retried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(() -> {
            attempts.incrementAndGet();
            return Mono.error(new DataIntegrityViolationException("not a race"));
        }).block()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void losing_every_race_ends_in_a_409_after_the_configured_attempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(() -> {
            attempts.incrementAndGet();
            return Mono.error(new OptimisticLockingFailureException("changed since read"));
        }).block()).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.meaning()).isEqualTo(DomainException.Meaning.CONFLICT));
        assertThat(attempts).hasValue(5);
    }

    @Test
    void a_use_case_inside_another_joins_it_and_the_outer_one_retries() {
        AtomicInteger inner = new AtomicInteger();

        String result = transactions.run(() -> transactions.run(() -> inner.incrementAndGet() < 2
                ? Mono.error(new OptimisticLockingFailureException("changed since read"))
                : Mono.just("committed"))).block();

        assertThat(result).isEqualTo("committed");
        assertThat(inner).hasValue(2);
        assertThat(transactionsStarted).as("one transaction per outer attempt, none for the inner one").hasValue(2);
    }
}
