package org.concord.notifications.delivery.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.concord.testsupport.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh notifications-service database brought to one migration version, as an earlier release left it, for the
 * tests of a later migration: rows are written at that version, then {@link #migrateToLatest()} runs what came after.
 */
record MigratedDatabase(String url, String user, String password) {

    /** Skips the test, saying why, when {@code database} is not at hand (PostgreSQL without a server). */
    static MigratedDatabase at(TestDatabase database, String name, String version) {
        database.unavailableReason().ifPresent(Assumptions::abort);
        Map<String, Object> db = database.freshDatabase(name + "_" + Long.toHexString(System.nanoTime()));
        MigratedDatabase migrated = new MigratedDatabase((String) db.get("spring.flyway.url"),
                (String) db.get("spring.flyway.user"), (String) db.get("spring.flyway.password"));
        migrated.flyway(version).migrate();
        return migrated;
    }

    void migrateToLatest() {
        flyway("latest").migrate();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/platform", "classpath:db/notifications")
                .target(target)
                .load();
    }
}
