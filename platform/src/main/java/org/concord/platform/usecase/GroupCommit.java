package org.concord.platform.usecase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * Use cases that arrive at about the same moment, committed together: while one group commits, the use cases that
 * arrive wait, and become the next group (at most {@code maxSize}): one transaction and one commit for them all. One
 * that arrives while nothing commits starts at once, alone. Each runs in its caller's Reactor context (its trace),
 * one after the other, through {@link UseCases} (whose transaction they join). When a group's transaction fails, each
 * of its use cases runs again in a transaction of its own, so one failure is its caller's alone.
 *
 * <p>For work that happens often, is small and may wait for the commit before it, such as recording webhook
 * attempts: a commit costs far more than such a change (benchmarks/README.md, fifth session).
 *
 * <p>A group that has not committed within {@code commitWithin} (the database did not answer) fails its use cases that
 * are still waiting, and the next group goes on: one stuck transaction must not hold every later use case for ever.
 * Such a failure does not say the change was not made; the transaction may still commit (or roll back) later.
 *
 * <p>{@link #close()} refuses what is submitted after it, and waits (at most {@code closeWithin}) until what was queued
 * before it has committed; what is still queued then fails, so no caller waits for ever.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Submitted<T>(Supplier<Mono<T>> work, ContextView context, Sinks.One<T> result) {

        Mono<T> run() {
            return Mono.defer(work).contextWrite(context);
        }

        @SuppressWarnings("unchecked")
        void succeed(Object value) {
            if (value == NOTHING) {
                result.tryEmitEmpty();
            } else {
                result.tryEmitValue((T) value);
            }
        }

        void fail(Throwable error) {
            result.tryEmitError(error);
        }
    }

    private static final Object NOTHING = new Object();

    /** How long {@link #close()} waits, by default, for the queued use cases to commit. */
    public static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    /** How long a group may take to commit, by default, before its waiting use cases fail and the next group goes. */
    public static final Duration COMMIT_WITHIN = Duration.ofSeconds(30);

    private final UseCases useCases;
    private final int maxSize;
    private final Duration closeWithin;
    private final Duration commitWithin;
    private final Queue<Submitted<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drains = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean committing;
    private volatile boolean closed;

    public GroupCommit(UseCases useCases, int maxSize) {
        this(useCases, maxSize, CLOSE_WITHIN, COMMIT_WITHIN);
    }

    public GroupCommit(UseCases useCases, int maxSize, Duration closeWithin, Duration commitWithin) {
        this.useCases = useCases;
        this.maxSize = maxSize;
        this.closeWithin = closeWithin;
        this.commitWithin = commitWithin;
    }

    /** Runs the use case with the next group; the result is the use case's, once its group has committed. */
    public <T> Mono<T> run(Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> {
            if (UseCases.inTransaction(context)) {
                return Mono.defer(work);
            }
            if (closed) {
                return Mono.error(closedError());
            }
            Submitted<T> submitted = new Submitted<>(work, context, Sinks.one());
            queue.add(submitted);
            if (closed && queue.remove(submitted)) {
                // closed meanwhile: the committer may have stopped already (else it took it, and will complete it)
                return Mono.error(closedError());
            }
            drain();
            return submitted.result().asMono();
        });
    }

    /**
     * One group at a time: when none is committing, the queued use cases (up to the group's size) become the next.
     * A loop, not a recursion, since a commit may end on the calling thread (H2's driver runs statements there).
     * Once closed, it goes on until the queue is empty, then says so to {@link #close()}.
     */
    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!committing && !queue.isEmpty()) {
                List<Submitted<?>> group = new ArrayList<>();
                for (Submitted<?> next; group.size() < maxSize && (next = queue.poll()) != null; ) {
                    group.add(next);
                }
                committing = true;
                commit(group)
                        .timeout(commitWithin, Mono.fromRunnable(() -> notCommittedInTime(group)))
                        .doFinally(signal -> {
                            committing = false;
                            drain();
                        })
                        .subscribe();
            }
            if (closed && !committing && queue.isEmpty()) {
                drained.complete(null);
            }
            missed = drains.addAndGet(-missed);
        } while (missed != 0);
    }

    private Mono<Void> commit(List<Submitted<?>> group) {
        return useCases.run(() -> Flux.fromIterable(group)
                        .concatMap(submitted -> submitted.run().map(Object.class::cast).defaultIfEmpty(NOTHING))
                        .collectList())
                .doOnNext(results -> {
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).succeed(results.get(i));
                    }
                })
                .then()
                .onErrorResume(failure -> {
                    if (group.size() == 1) {
                        group.get(0).fail(failure);
                        return Mono.empty();
                    }
                    log.debug("a group of {} use cases failed ({}); running each alone", group.size(), failure.toString());
                    return Flux.fromIterable(group).concatMap(this::alone).then();
                });
    }

    private void notCommittedInTime(List<Submitted<?>> group) {
        log.warn("a group of {} use cases has not committed within {} (the database did not answer); those still "
                + "waiting fail, and the next group goes on", group.size(), commitWithin);
        IllegalStateException late = new IllegalStateException("not committed within " + commitWithin
                + ": the database did not answer; the change may still commit");
        group.forEach(submitted -> submitted.fail(late));
    }

    private <T> Mono<Void> alone(Submitted<T> submitted) {
        return useCases.run(() -> submitted.run().map(Object.class::cast).defaultIfEmpty(NOTHING))
                .doOnNext(submitted::succeed)
                .doOnError(submitted::fail)
                .onErrorResume(error -> Mono.empty())
                .then();
    }

    /**
     * Refuses new use cases at once, and waits until the queued ones have committed, at most {@code closeWithin};
     * those still queued then fail. (A group already committing ends as its transaction does.)
     */
    @Override
    public void close() {
        closed = true;
        drain();
        try {
            drained.get(closeWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // what is still queued fails below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        int failed = 0;
        for (Submitted<?> left; (left = queue.poll()) != null; failed++) {
            left.fail(closedError());
        }
        if (failed > 0) {
            log.warn("{} queued use cases failed: not committed within {} of closing", failed, closeWithin);
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("not run: the group commit is closed (the service is stopping)");
    }
}
