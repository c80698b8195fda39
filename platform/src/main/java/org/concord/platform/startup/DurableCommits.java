package org.concord.platform.startup;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Keeps a commit the service has answered for from being lost in a crash, whatever the database's own defaults say.
 * An H2 file database must write each commit before it returns ({@code WRITE_DELAY=0}: by default H2 keeps commits in
 * memory for up to half a second, and a killed service lost signatures it had answered 200 for), so a start with any
 * other setting is refused. A PostgreSQL session commits with {@code synchronous_commit=on} (set on every connection,
 * so no server, database or role default of {@code off} applies), and a server running with {@code fsync=off} is
 * refused.
 */
public final class DurableCommits implements InitializingBean {

    /** What every H2 file URL must carry. */
    public static final String H2_SETTING = "WRITE_DELAY=0";
    /** The session settings every PostgreSQL connection is opened with. */
    public static final Map<String, String> POSTGRES_SESSION = Map.of("synchronous_commit", "on");

    private final DatabaseClient db;
    private final String r2dbcUrl;

    public DurableCommits(DatabaseClient db, String r2dbcUrl) {
        this.db = db;
        this.r2dbcUrl = r2dbcUrl;
    }

    public static boolean isPostgres(String r2dbcUrl) {
        return r2dbcUrl != null && (r2dbcUrl.startsWith("r2dbc:postgresql:") || r2dbcUrl.startsWith("r2dbc:pool:postgresql:"));
    }

    /** Refuses an H2 file URL (R2DBC or JDBC) that does not write each commit at once; other URLs pass. */
    public static void checkH2(String property, String url) {
        if (!isH2File(url)) {
            return;
        }
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] setting = parts[i].split("=", 2);
            if (setting[0].strip().equalsIgnoreCase("WRITE_DELAY") && setting.length == 2 && setting[1].strip().equals("0")) {
                return;
            }
        }
        throw new StartupCheckFailed(property + " is an H2 file database without ;" + H2_SETTING + ": H2 would keep each"
                + " commit in memory for up to 500 ms, so a crash could lose changes already answered 2xx",
                "Add ;" + H2_SETTING + " to CONCORD_DB_R2DBC_URL and CONCORD_DB_JDBC_URL (./concord up does).");
    }

    /** Whether the URL (R2DBC or JDBC) names an H2 database in a file. */
    public static boolean isH2File(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("r2dbc:h2:")) {
            return lower.startsWith("r2dbc:h2:file:");
        }
        // jdbc:h2:file:/x, and the embedded forms jdbc:h2:/x, jdbc:h2:~/x, jdbc:h2:./x; not mem:, tcp:, ssl:
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }

    /** Refuses a PostgreSQL server that may lose a commit it reported: fsync off, or a session not committing synchronously. */
    public static void checkPostgres(String fsync, String synchronousCommit) {
        if ("off".equalsIgnoreCase(fsync)) {
            throw new StartupCheckFailed("PostgreSQL runs with fsync=off: a crash of its machine can lose commits the"
                    + " service has already answered 2xx", "Run PostgreSQL with fsync=on (its default).");
        }
        if ("off".equalsIgnoreCase(synchronousCommit)) {
            throw new StartupCheckFailed("PostgreSQL commits with synchronous_commit=off: a crash of the server can lose"
                    + " commits the service has already answered 2xx", "Let the service set synchronous_commit=on for its sessions.");
        }
    }

    @Override
    public void afterPropertiesSet() {
        if (!isPostgres(r2dbcUrl)) {
            return;
        }
        String fsync;
        String synchronousCommit;
        try {
            fsync = show("fsync");
            synchronousCommit = show("synchronous_commit");
        } catch (RuntimeException e) {
            // the database is not reachable yet: Flyway and the health check report that in their own words
            return;
        }
        checkPostgres(fsync, synchronousCommit);
    }

    private String show(String setting) {
        return db.sql("SHOW " + setting).map(row -> row.get(0, String.class)).one().block(java.time.Duration.ofSeconds(15));
    }
}
