package org.concord.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real H2 file database committing each transaction at once ({@code WRITE_DELAY=0}, as the services run it), under
 * a signature-like load whose live data does not grow: a row rewritten, an outbox row rewritten, then marked
 * published, in two commits. The retention time is 0 here so that chunks may be rewritten at once; the services keep
 * H2's 45 s.
 */
class H2FileHousekeepingTest {

    private static final int COMMITS = 6000;
    private static final int ROWS = 100;
    private static final String PAYLOAD = "x".repeat(1000);

    @TempDir
    Path directory;

    @Test
    void without_housekeeping_the_file_keeps_growing_with_every_commit() throws SQLException {
        long size = sizeAfterLoad(directory.resolve("untended"), null);

        assertThat(size).isGreaterThan(COMMITS * 3_000L);
    }

    @Test
    void housekeeping_keeps_the_file_to_a_fraction_of_what_it_grows_to_without() throws SQLException {
        long untended = sizeAfterLoad(directory.resolve("untended"), null);
        String url = url(directory.resolve("tended"));
        H2FileHousekeeping housekeeping = new H2FileHousekeeping(url, "sa", "");

        long tended = sizeAfterLoad(directory.resolve("tended"), housekeeping);

        assertThat(tended).isLessThan(untended / 2);
    }

    @Test
    void housekeeping_changes_no_data() throws SQLException {
        Path file = directory.resolve("tended");
        H2FileHousekeeping housekeeping = new H2FileHousekeeping(url(file), "sa", "");
        try (Connection db = DriverManager.getConnection(url(file), "sa", "")) {
            load(db, housekeeping);
            housekeeping.tidy();

            assertThat(count(db, "SELECT COUNT(*) FROM outbox WHERE published")).isEqualTo(COMMITS);
            assertThat(count(db, "SELECT SUM(n) FROM party")).isEqualTo(sumOfLastWrites());
        } finally {
            housekeeping.close();
        }
    }

    private long sizeAfterLoad(Path file, H2FileHousekeeping housekeeping) throws SQLException {
        try (Connection db = DriverManager.getConnection(url(file), "sa", "")) {
            load(db, housekeeping);
            return fileSize(file);
        } finally {
            if (housekeeping != null) {
                housekeeping.close();
            }
        }
    }

    private static void load(Connection db, H2FileHousekeeping housekeeping) throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE party (id INT PRIMARY KEY, payload VARCHAR, n INT)");
            ddl.execute("CREATE TABLE outbox (seq INT PRIMARY KEY, payload VARCHAR, published BOOLEAN)");
        }
        try (PreparedStatement party = db.prepareStatement("MERGE INTO party KEY (id) VALUES (?, ?, ?)");
                PreparedStatement rewrite = db.prepareStatement("INSERT INTO outbox VALUES (?, ?, FALSE)");
                PreparedStatement publish = db.prepareStatement("UPDATE outbox SET published = TRUE WHERE seq = ?")) {
            for (int i = 0; i < COMMITS; i++) {
                db.setAutoCommit(false);
                party.setInt(1, i % ROWS);
                party.setString(2, PAYLOAD.substring(0, 200));
                party.setInt(3, i);
                party.executeUpdate();
                rewrite.setInt(1, i);
                rewrite.setString(2, PAYLOAD);
                rewrite.executeUpdate();
                db.commit();
                publish.setInt(1, i);
                publish.executeUpdate();
                db.commit();
                if (housekeeping != null && i % ROWS == ROWS - 1) {
                    housekeeping.tidy();
                }
            }
        }
    }

    private static long sumOfLastWrites() {
        long sum = 0;
        for (int i = COMMITS - ROWS; i < COMMITS; i++) {
            sum += i;
        }
        return sum;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file.resolveSibling(file.getFileName() + ".mv.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String url(Path file) {
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;RETENTION_TIME=0";
    }
}
