package org.concord.platform.observability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Refreshes the gauges that need a query (outbox backlog, consumer lag, dead letters, agreements by status) every
 * {@code concord.metrics.refresh-interval}, on one thread of its own: a scrape reads the last values and never
 * waits for the database or the broker.
 */
public final class GaugeRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GaugeRefresher.class);

    /** One gauge refresh; it may block (up to its own timeout). */
    public interface Refresh {

        String name();

        void run() throws Exception;
    }

    private final Duration interval;
    private final List<Refresh> refreshes = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService scheduler;

    public GaugeRefresher(Duration interval) {
        this.interval = interval;
    }

    public void add(Refresh refresh) {
        refreshes.add(refresh);
    }

    /** Runs every refresh now, on the caller's thread (tests, and the first round). */
    public void refreshNow() {
        for (Refresh refresh : refreshes) {
            try {
                refresh.run();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                log.debug("could not refresh {}: {}", refresh.name(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gauge-refresh");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::refreshNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // after the relay has started, stopped before the database
        return Integer.MAX_VALUE - 2000;
    }
}
