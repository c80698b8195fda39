package org.concord.platform.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before Flyway or R2DBC touch it, that the directory of an H2 file database can be written: otherwise
 * H2 fails deep inside the connection pool with a long chain of exceptions.
 */
public final class DatabasePathCheck {

    private static final String H2_FILE = "jdbc:h2:file:";

    private DatabasePathCheck() {
    }

    public static void check(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(H2_FILE)) {
            return;
        }
        String location = jdbcUrl.substring(H2_FILE.length()).split(";", 2)[0];
        Path directory = Path.of(location).toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw notWritable(directory);
        }
        if (!Files.isWritable(directory)) {
            throw notWritable(directory);
        }
    }

    private static StartupCheckFailed notWritable(Path directory) {
        return new StartupCheckFailed("database directory " + directory + " is not writable",
                "Point CONCORD_DB_JDBC_URL/CONCORD_DB_R2DBC_URL (or CONCORD_DATA_DIR for ./concord up) at a writable directory.");
    }
}
