package org.concord.platform.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the gauges that need a query (outbox backlog, consumer lag, dead letters, agreements by status), every
 * {@code concord.metrics.refresh-interval} on a thread of its own (a PeriodicTask): a scrape reads the last values
 * and never waits for the database or the broker.
 */
public final class GaugeRefresher {

    private static final Logger log = LoggerFactory.getLogger(GaugeRefresher.class);

    /** One gauge refresh; it may block (up to its own timeout). */
    public interface Refresh {

        String name();

        void run() throws Exception;
    }

    private final List<Refresh> refreshes = new CopyOnWriteArrayList<>();

    public void add(Refresh refresh) {
        refreshes.add(refresh);
    }

    /** Runs every refresh now, on the caller's thread (each round, and tests). */
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
}
