package org.concord.platform.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    private final UseCases useCases;
    private final int maxSize;
    private final Queue<Submitted<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drains = new AtomicInteger();
    private volatile boolean committing;
    private volatile boolean closed;

    public GroupCommit(UseCases useCases, int maxSize) {
        this.useCases = useCases;
        this.maxSize = maxSize;
    }

    /** Runs the use case with the next group; the result is the use case's, once its group has committed. */
    public <T> Mono<T> run(Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> {
            if (UseCases.inTransaction(context)) {
                return Mono.defer(work);
            }
            Submitted<T> submitted = new Submitted<>(work, context, Sinks.one());
            queue.add(submitted);
            drain();
            return submitted.result().asMono();
        });
    }

    /**
     * One group at a time: when none is committing, the queued use cases (up to the group's size) become the next.
     * A loop, not a recursion, since a commit may end on the calling thread (H2's driver runs statements there).
     */
    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!committing && !closed && !queue.isEmpty()) {
                List<Submitted<?>> group = new ArrayList<>();
                for (Submitted<?> next; group.size() < maxSize && (next = queue.poll()) != null; ) {
                    group.add(next);
                }
                committing = true;
                commit(group).doFinally(signal -> {
                    committing = false;
                    drain();
                }).subscribe();
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

    private <T> Mono<Void> alone(Submitted<T> submitted) {
        return useCases.run(() -> submitted.run().map(Object.class::cast).defaultIfEmpty(NOTHING))
                .doOnNext(submitted::succeed)
                .doOnError(submitted::fail)
                .onErrorResume(error -> Mono.empty())
                .then();
    }

    @Override
    public void close() {
        closed = true;
    }
}
