package org.concord.testsupport.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database of one service brought to one migration version, as an earlier release left it, for the tests of a
 * later migration: rows are written at that version, then {@link #migrateToLatest()} runs what came after. The
 * service's migrations are the platform's ({@code db/platform}), its own ({@code db/<service>}) and those for one kind
 * of database alone ({@code db/<vendor>/<service>}, as {@code spring.flyway.locations} resolves {@code {vendor}}), with
 * its Java migrations if it has any.
 */
public final class MigratedDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final String service;
    private final JavaMigration[] javaMigrations;

    private MigratedDatabase(Map<String, Object> db, String service, JavaMigration... javaMigrations) {
        this.url = (String) db.get("spring.flyway.url");
        this.user = (String) db.get("spring.flyway.user");
        this.password = (String) db.get("spring.flyway.password");
        this.service = service;
        this.javaMigrations = javaMigrations;
    }

    /**
     * A fresh database named after {@code name} with the migrations of {@code service} (its folder under
     * {@code db/}) up to {@code version}. Skips the test, saying why, when {@code database} is not at hand
     * (PostgreSQL without a server).
     */
    public static MigratedDatabase at(TestDatabase database, String name, String version, String service,
            JavaMigration... javaMigrations) {
        database.unavailableReason().ifPresent(Assumptions::abort);
        MigratedDatabase migrated = new MigratedDatabase(
                database.freshDatabase(name + "_" + Long.toHexString(System.nanoTime())), service, javaMigrations);
        migrated.flyway(version).migrate();
        return migrated;
    }

    public void migrateToLatest() {
        flyway("latest").migrate();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The database's name as Spring Boot puts it in a {@code {vendor}} location: {@code h2}, {@code postgresql}. */
    private String vendor() {
        return url.split(":")[1];
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/platform", "classpath:db/" + service, "classpath:db/" + vendor() + "/" + service)
                .javaMigrations(javaMigrations)
                .target(target)
                .load();
    }
}
