package org.concord.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the services keep their data: an H2 file each under the data directory (the default), or a database each
 * on a PostgreSQL server ({@code --postgres host:port}, user {@code CONCORD_POSTGRES_USER}, default postgres).
 *
 * <p>Every H2 URL carries {@code WRITE_DELAY=0}: H2 otherwise keeps commits in memory for up to half a second, and a
 * killed service lost signatures it had already answered 200 for. With more than one instance of a service,
 * {@code AUTO_SERVER=TRUE} lets them share the file: the first to open it serves it to the others over TCP, and
 * when it dies another takes over.
 */
record Database(Optional<String> postgres, String postgresUser, String postgresPassword, int instances) {

    /** What makes an H2 file as durable as the service needs: a commit is written before the service answers. */
    static final String H2_DURABLE = ";WRITE_DELAY=0";
    /** Prepared statements kept per connection: a service runs a few dozen distinct ones, and H2 keeps 8 by default. */
    static final String H2_STATEMENT_CACHE = ";QUERY_CACHE_SIZE=64";
    static final String H2_SHARED = ";AUTO_SERVER=TRUE";
    static final String USER_VARIABLE = "CONCORD_POSTGRES_USER";
    static final String PASSWORD_VARIABLE = "CONCORD_POSTGRES_PASSWORD";

    static Database of(LaunchOptions options, Map<String, String> environment) {
        return new Database(options.postgres(), environment.getOrDefault(USER_VARIABLE, "postgres"),
                environment.getOrDefault(PASSWORD_VARIABLE, ""), options.instances());
    }

    /** r2dbc-h2 wants four slashes before an absolute path: {@code r2dbc:h2:file:////abs/path/db;WRITE_DELAY=0}. */
    String r2dbcUrl(ServiceSpec service, Path dataDirectory) {
        return postgres.map(address -> "r2dbc:postgresql://" + address + "/" + service.postgresDatabase())
                .orElseGet(() -> "r2dbc:h2:file:///" + service.databaseFile(dataDirectory) + h2Settings());
    }

    /** Flyway's JDBC view of the same database. */
    String jdbcUrl(ServiceSpec service, Path dataDirectory) {
        return postgres.map(address -> "jdbc:postgresql://" + address + "/" + service.postgresDatabase())
                .orElseGet(() -> "jdbc:h2:file:" + service.databaseFile(dataDirectory) + h2Settings());
    }

    String user() {
        return postgres.isPresent() ? postgresUser : "sa";
    }

    String password() {
        return postgres.isPresent() ? postgresPassword : "";
    }

    /** "H2 files", "PostgreSQL at 127.0.0.1:5432": for the summary. */
    String describe() {
        return postgres.map(address -> "PostgreSQL at " + address + " (databases "
                        + String.join(", ", ServiceSpec.ALL.stream().map(ServiceSpec::postgresDatabase).toList()) + ")")
                .orElse("H2 files" + (instances > 1 ? " (shared by the instances of each service through H2's AUTO_SERVER)" : ""));
    }

    private String h2Settings() {
        return H2_DURABLE + H2_STATEMENT_CACHE + (instances > 1 ? H2_SHARED : "");
    }

    /** Creates the services' databases on the PostgreSQL server if they are missing; returns what it did. */
    List<String> ensurePostgresDatabases() {
        if (postgres.isEmpty()) {
            return List.of();
        }
        String url = "jdbc:postgresql://" + postgres.get() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, postgresUser, postgresPassword);
             Statement statement = connection.createStatement()) {
            List<String> created = new java.util.ArrayList<>();
            for (ServiceSpec service : ServiceSpec.ALL) {
                String name = service.postgresDatabase();
                try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE " + name);
                created.add("created database " + name + " on PostgreSQL at " + postgres.get());
            }
            return created;
        } catch (SQLException e) {
            throw new LaunchException("PostgreSQL at " + postgres.get() + " refused the local stack (" + e.getMessage()
                    + "): check --postgres and " + USER_VARIABLE + "/" + PASSWORD_VARIABLE, LaunchException.USAGE, e);
        }
    }
}
