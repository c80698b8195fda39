package org.concord.platform.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file database from growing without end. Each commit writes a new chunk of B-tree pages to the file
 * (about 50 KB for a signature's transaction), and a chunk's space is reused only once none of its pages is live.
 * H2's background writer rewrites the few live pages of old chunks so that they free up, but with
 * {@code WRITE_DELAY=0}, which {@link org.concord.platform.startup.DurableCommits} requires, H2 runs no background
 * writer: under load the file grew by gigabytes in minutes, and finding free space in it got slower with its size.
 *
 * <p>This does the background writer's housekeeping, one round every {@code concord.database.h2-housekeeping-interval}
 * on a thread of its own (a PeriodicTask): each round rewrites the
 * live pages of chunks that are mostly dead (only chunks older than H2's retention time, 45 s, so what a crash
 * leaves in the file is as safe as H2 makes it). The chunks this frees are reused, so the file stops growing; it
 * does not shrink (H2's moving of chunks fails its own assertions in 2.4.240, and panics the store). Commits are
 * written exactly as before.
 */
public final class H2FileHousekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);
    /** Chunks whose live pages fill less than this share of them are rewritten (H2's own default). */
    private static final int TARGET_FILL_RATE = 90;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private Connection connection;
    private MVStore store;
    private boolean leftToAnother;

    public H2FileHousekeeping(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** One round of housekeeping, on the caller's thread; the first opens the database's store. */
    public synchronized void tidy() {
        if (store == null && !leftToAnother) {
            open();
        }
        if (store != null) {
            store.compact(TARGET_FILL_RATE, store.getAutoCommitMemory() / 4);
        }
    }

    private void open() {
        try {
            // the same database the service uses: H2 keeps one per file in the process, whichever URL opened it first
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                store = session.getDatabase().getStore().getMvStore();
                return;
            }
            log.info("H2 housekeeping is left to the process that serves {} (AUTO_SERVER)", jdbcUrl);
            leftToAnother = true;
            close();
        } catch (SQLException e) {
            // the database not there yet: the next round tries again
            throw new IllegalStateException("could not open " + jdbcUrl + " for housekeeping: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        store = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the housekeeping connection: {}", e.toString());
            }
            connection = null;
        }
    }
}
