package org.concord.platform.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * How use cases are grouped into transactions, without a database. (That a group's changes commit on a real one is
 * shown by notifications-service's webhook scenarios on H2 and PostgreSQL, which record every attempt through it.)
 */
class GroupCommitTest {

    private final CountingTransactions transactions = new CountingTransactions();
    private final GroupCommit group = new GroupCommit(new UseCases(transactions, 1), 64);

    @AfterEach
    void close() {
        group.close();
    }

    /** A use case that takes a while to commit: those submitted meanwhile wait for it, and form the next group. */
    private Mono<String> committingSlowly() {
        return group.run(() -> Mono.delay(Duration.ofMillis(300)).thenReturn("slow"));
    }

    @Test
    void use_cases_that_arrive_while_a_group_commits_form_the_next_group_and_each_gets_its_own_result() {
        Mono<String> first = committingSlowly().cache();
        first.subscribe();

        List<Integer> results = Flux.range(0, 10)
                .flatMap(i -> group.run(() -> Mono.just(i * i)))
                .collectSortedList().block();

        assertThat(first.block()).isEqualTo("slow");
        assertThat(results).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
        assertThat(transactions.started()).as("the slow one's, then one for the ten").hasValue(2);
    }

    @Test
    void when_one_use_case_of_a_group_fails_the_others_run_again_alone_and_only_it_fails() {
        committingSlowly().subscribe();

        List<String> outcomes = Flux.just("a", "fails", "c")
                .flatMap(name -> group.run(() -> name.equals("fails")
                                ? Mono.<String>error(new IllegalStateException("refused"))
                                : Mono.just(name))
                        .onErrorResume(IllegalStateException.class, e -> Mono.just(name + ": " + e.getMessage())))
                .collectSortedList().block();

        assertThat(outcomes).containsExactly("a", "c", "fails: refused");
        assertThat(transactions.started()).as("the slow one's, the group's, then one each").hasValue(5);
    }

    @Test
    void a_group_of_one_that_fails_is_not_run_twice() {
        int[] runs = {0};

        Mono<String> failing = group.run(() -> {
            runs[0]++;
            return Mono.error(new IllegalStateException("refused"));
        });

        assertThat(failing.onErrorResume(e -> Mono.just(e.getMessage())).block()).isEqualTo("refused");
        assertThat(runs[0]).isEqualTo(1);
    }

    @Test
    void each_use_case_runs_in_its_callers_context() {
        committingSlowly().subscribe();

        List<String> seen = Flux.just("trace-a", "trace-b", "trace-c")
                .flatMap(trace -> group.run(() -> Mono.deferContextual(context -> Mono.just(trace + "=" + context.get("trace"))))
                        .contextWrite(context -> context.put("trace", trace)))
                .collectSortedList().block();

        assertThat(seen).containsExactly("trace-a=trace-a", "trace-b=trace-b", "trace-c=trace-c");
        assertThat(transactions.started()).as("the slow one's, then one for the three").hasValue(2);
    }

    @Test
    void a_use_case_without_a_result_completes_empty() {
        assertThat(group.run(Mono::empty).hasElement().block()).isFalse();
    }

    @Test
    void a_use_case_submitted_inside_a_transaction_joins_it_instead_of_waiting_for_a_group() {
        UseCases useCases = new UseCases(transactions, 1);

        String result = useCases.run(() -> group.run(() -> Mono.just("joined"))).block(Duration.ofMillis(150));

        assertThat(result).isEqualTo("joined");
        assertThat(transactions.started()).hasValue(1);
    }

    @Test
    void many_use_cases_from_many_threads_while_groups_are_committing_all_complete() {
        GroupCommit busy = new GroupCommit(new UseCases(transactions, 1), 64);
        try {
            Long done = Flux.range(0, 2_000)
                    .flatMap(i -> Mono.delay(Duration.ofNanos(i % 7 * 100_000L))
                            .then(busy.run(() -> Mono.delay(Duration.ofMillis(1)).thenReturn(i))), 256)
                    .count().block(Duration.ofSeconds(60));
            assertThat(done).isEqualTo(2_000L);
        } finally {
            busy.close();
        }
    }

    @Test
    void a_use_case_submitted_from_the_completion_of_another_completes_too() {
        // as a finished webhook send frees its slot and the next send's attempt is recorded from there
        GroupCommit busy = new GroupCommit(new UseCases(transactions, 1), 4);
        try {
            java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(400);
            java.util.function.IntConsumer[] next = new java.util.function.IntConsumer[1];
            next[0] = i -> busy.run(() -> Mono.just(i)).subscribe(v -> {
                completed.incrementAndGet();
                all.countDown();
                if (v < 396) {
                    next[0].accept(v + 4);
                }
            });
            for (int i = 0; i < 4; i++) {
                next[0].accept(i);
            }
            try {
                assertThat(all.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("completed " + completed.get()).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        } finally {
            busy.close();
        }
    }

    @Test
    void use_cases_queued_when_it_closes_are_committed_before_close_returns() {
        Mono<String> slow = committingSlowly().cache();
        slow.subscribe();
        List<Mono<Integer>> queued = List.of(1, 2, 3).stream()
                .map(i -> group.run(() -> Mono.just(i)).cache())
                .toList();
        queued.forEach(Mono::subscribe);

        group.close();

        StepVerifier.create(slow).expectNext("slow").expectComplete().verify(Duration.ofMillis(100));
        StepVerifier.create(Flux.concat(queued)).expectNext(1, 2, 3).expectComplete().verify(Duration.ofMillis(100));
        assertThat(transactions.started()).as("the slow one's, then one for the three").hasValue(2);
    }

    @Test
    void a_use_case_submitted_after_close_fails_at_once_without_running() {
        group.close();
        int[] runs = {0};

        StepVerifier.create(group.run(() -> {
                    runs[0]++;
                    return Mono.just("late");
                }))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed"))
                .verify(Duration.ofMillis(500));
        assertThat(runs[0]).isZero();
        assertThat(transactions.started()).hasValue(0);
    }

    @Test
    void use_cases_still_queued_when_the_wait_on_close_ends_fail_instead_of_hanging() {
        GroupCommit stuck = new GroupCommit(new UseCases(transactions, 1), 64, Duration.ofMillis(200),
                GroupCommit.COMMIT_WITHIN);
        Mono<String> committing = stuck.run(() -> Mono.delay(Duration.ofSeconds(3)).thenReturn("slow")).cache();
        committing.subscribe();
        Mono<String> queued = stuck.run(() -> Mono.just("queued")).cache();
        queued.subscribe();

        long started = System.nanoTime();
        stuck.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        StepVerifier.create(queued)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed"))
                .verify(Duration.ofMillis(100));
        StepVerifier.create(committing).as("the group already committing ends as its transaction does")
                .expectNext("slow").expectComplete().verify(Duration.ofSeconds(5));
    }

    @Test
    void a_group_that_does_not_commit_in_time_fails_its_use_cases_and_the_next_group_goes_on() {
        GroupCommit bounded = new GroupCommit(new UseCases(transactions, 1), 64, GroupCommit.CLOSE_WITHIN,
                Duration.ofMillis(200));
        try {
            Mono<String> stuck = bounded.run(() -> Mono.<String>never()).cache();
            stuck.subscribe(ignored -> { }, error -> { });
            Mono<String> next = bounded.run(() -> Mono.just("next")).cache();
            next.subscribe();

            StepVerifier.create(stuck)
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("not committed within"))
                    .verify(Duration.ofSeconds(2));
            StepVerifier.create(next).expectNext("next").expectComplete().verify(Duration.ofSeconds(2));
            assertThat(transactions.started()).as("the stuck group's, then the next one's").hasValue(2);
        } finally {
            bounded.close();
        }
    }
}
