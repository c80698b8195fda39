package org.concord.platform.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one round of some work every {@code interval} on a daemon thread of its own, named after the work, from the
 * application's start until just before its database closes. A round that fails is logged at debug level and the
 * next one runs as planned: the work is housekeeping (gauges, H2's compaction), never a change a user waits for.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private final Runnable round;
    private volatile ScheduledExecutorService scheduler;

    public PeriodicTask(String name, Duration firstDelay, Duration interval, Runnable round) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
        this.round = round;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::runRound, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    private void runRound() {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.debug("{}: a round failed ({}); the next one runs as planned", name, e.toString());
        }
    }

    /** Waits up to 5 s for a round under way, so that it does not meet a closing database. */
    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // after the outbox relay has started, stopped before the database
        return Integer.MAX_VALUE - 2000;
    }
}
