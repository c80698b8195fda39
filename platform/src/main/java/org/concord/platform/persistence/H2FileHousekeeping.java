package org.concord.platform.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps an H2 file database from growing without end. Each commit writes a new chunk of B-tree pages to the file
 * (about 50 KB for a signature's transaction), and a chunk's space is reused only once none of its pages is live.
 * H2's background writer rewrites the few live pages of old chunks so that they free up, but with
 * {@code WRITE_DELAY=0}, which {@link org.concord.platform.startup.DurableCommits} requires, H2 runs no background
 * writer: under load the file grew by gigabytes in minutes, and finding free space in it got slower with its size.
 *
 * <p>This does the background writer's housekeeping on a thread of its own, every {@code interval}: it rewrites the
 * live pages of chunks that are mostly dead (only chunks older than H2's retention time, 45 s, so what a crash
 * leaves in the file is as safe as H2 makes it). The chunks this frees are reused, so the file stops growing; it
 * does not shrink (H2's moving of chunks fails its own assertions in 2.4.240, and panics the store). Commits are
 * written exactly as before.
 */
public final class H2FileHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);
    /** Chunks whose live pages fill less than this share of them are rewritten (H2's own default). */
    private static final int TARGET_FILL_RATE = 90;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Duration interval;
    private Connection connection;
    private MVStore store;
    private volatile ScheduledExecutorService scheduler;

    public H2FileHousekeeping(String jdbcUrl, String user, String password, Duration interval) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.interval = interval;
    }

    /** One round of housekeeping, on the caller's thread. */
    public void tidy() {
        store.compact(TARGET_FILL_RATE, store.getAutoCommitMemory() / 4);
    }

    @Override
    public void start() {
        try {
            // the same database the service uses: H2 keeps one per file in the process, whichever URL opened it first
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                log.info("H2 housekeeping is left to the process that serves {} (AUTO_SERVER)", jdbcUrl);
                closeConnection();
                return;
            }
            store = session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            log.warn("H2 housekeeping is off: could not open {} ({})", jdbcUrl, e.getMessage());
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::tidyQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    private void tidyQuietly() {
        try {
            tidy();
        } catch (RuntimeException e) {
            // the database closing under us (shutdown) or a round that could not get H2's lock: the next round tries again
            log.debug("H2 housekeeping round failed: {}", e.toString());
        }
    }

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
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the housekeeping connection: {}", e.toString());
            }
            connection = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // stopped before the database, like the gauge refresher
        return Integer.MAX_VALUE - 2000;
    }
}
