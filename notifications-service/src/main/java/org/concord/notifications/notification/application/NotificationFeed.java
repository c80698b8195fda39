package org.concord.notifications.notification.application;

import org.concord.notifications.notification.domain.Notification;
import org.concord.notifications.notification.domain.NotificationFilter;
import org.concord.notifications.notification.persistence.NotificationRepository;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The live feed of notifications: one shared hot publisher fed after each commit, so a thousand idle readers
 * cost a thousand small subscriptions, not threads.
 *
 * <p>Resuming: a reader that gives the id of the last notification it saw ({@code Last-Event-ID}) first gets
 * every later notification from the database, then the live ones, with no gap and no repeat. The live
 * subscription is taken first and buffered while the database is read; live ones already replayed are dropped
 * by id. This relies on ids committing in order, which holds because one consumer thread per instance writes
 * notifications.
 *
 * <p>Limitation: the live publisher sees the notifications written by this instance only. With several
 * instances (partitions shared among them) a reader connected to one instance sees the others' notifications
 * when it reconnects (the replay reads the shared database), not live.
 */
@Component
public class NotificationFeed implements SmartLifecycle {

    private static final int REPLAY_BATCH = 500;

    private final Sinks.Many<Notification> live = Sinks.many().multicast().directBestEffort();
    private volatile Sinks.One<Boolean> shuttingDown = Sinks.one();
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicInteger readers = new java.util.concurrent.atomic.AtomicInteger();
    private final NotificationRepository notifications;
    private final int bufferSize;

    public NotificationFeed(NotificationRepository notifications,
            @Value("${concord.notifications.stream.buffer-size}") int bufferSize) {
        this.notifications = notifications;
        this.bufferSize = bufferSize;
    }

    /** Hands committed notifications to the live readers (call after the transaction that wrote them commits). */
    public synchronized void publish(List<Notification> committed) {
        committed.forEach(live::tryEmitNext);
    }

    /**
     * The notifications a reader gets: those after {@code lastEventId} from the database (none when null), then
     * live ones, each once, in id order. A reader too slow to keep up with {@code buffer-size} pending
     * notifications gets an error and reconnects with its Last-Event-ID (it loses nothing).
     */
    public Flux<Notification> stream(NotificationFilter filter, Long lastEventId) {
        return Flux.defer(() -> {
            Sinks.Many<Notification> buffer = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<Notification>get(bufferSize).get());
            Disposable liveSubscription = live.asFlux()
                    .filter(filter::matches)
                    .subscribe(notification -> {
                        if (buffer.tryEmitNext(notification).isFailure()) {
                            buffer.tryEmitError(new SlowReaderException(bufferSize));
                        }
                    });
            AtomicLong lastSent = new AtomicLong(lastEventId == null ? 0 : lastEventId);
            Flux<Notification> missed = lastEventId == null ? Flux.empty() : replay(lastEventId, filter);
            readers.incrementAndGet();
            return Flux.concat(missed, buffer.asFlux())
                    .filter(notification -> notification.id() > lastSent.get())
                    .doOnNext(notification -> lastSent.set(notification.id()))
                    .doFinally(signal -> {
                        liveSubscription.dispose();
                        readers.decrementAndGet();
                    });
        });
    }

    /** Readers connected to this instance's live feed now. */
    public int readers() {
        return readers.get();
    }

    /**
     * {@code stream} as long as this instance runs: open streams end when it shuts down, so the server's
     * graceful shutdown does not wait for them (readers reconnect with Last-Event-ID to another instance).
     */
    public <T> Flux<T> untilShutdown(Flux<T> stream) {
        return Flux.defer(() -> stream.takeUntilOther(shuttingDown.asMono()));
    }

    /** Also after a stop: a stopped context (a paused test context, say) can be started again. */
    @Override
    public void start() {
        shuttingDown = Sinks.one();
        running = true;
    }

    /** Runs before the web server's graceful shutdown (a higher phase stops first). */
    @Override
    public void stop() {
        running = false;
        shuttingDown.tryEmitValue(true);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private Flux<Notification> replay(long afterId, NotificationFilter filter) {
        return notifications.after(afterId, filter, REPLAY_BATCH)
                .collectList()
                .flatMapMany(batch -> batch.size() < REPLAY_BATCH
                        ? Flux.fromIterable(batch)
                        : Flux.fromIterable(batch).concatWith(
                                Flux.defer(() -> replay(batch.get(batch.size() - 1).id(), filter))));
    }

    /** A reader fell further behind than the buffer allows; it reconnects with Last-Event-ID. */
    static class SlowReaderException extends RuntimeException {
        SlowReaderException(int bufferSize) {
            super("reader fell more than " + bufferSize + " notifications behind; reconnect with Last-Event-ID");
        }
    }
}
