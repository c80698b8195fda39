package org.concord.testsupport.db;

import java.util.Map;
import java.util.Optional;

/**
 * The databases a service's tests run on. H2 is always there; PostgreSQL when a server is configured
 * ({@code CONCORD_TEST_POSTGRES_URL}, as {@code .ci/run} sets it) or a Docker engine can start one.
 */
public enum TestDatabase {

    H2 {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> freshDatabase(String name) {
            String options = ";DB_CLOSE_DELAY=-1";
            return connection("r2dbc:h2:mem:///" + name + options, "jdbc:h2:mem:" + name + options, "sa", "");
        }
    },

    POSTGRESQL {
        @Override
        public Optional<String> unavailableReason() {
            return PostgresServer.unavailableReason();
        }

        @Override
        public Map<String, Object> freshDatabase(String name) {
            PostgresServer server = PostgresServer.get();
            String database = server.createDatabase(name);
            return connection(server.r2dbcUrl(database), server.jdbcUrl(database), server.user(), server.password());
        }
    };

    /** Why this database cannot be used here, if it cannot. */
    public abstract Optional<String> unavailableReason();

    /** Creates a new empty database and returns the Spring properties that point a service at it. */
    public abstract Map<String, Object> freshDatabase(String name);

    private static Map<String, Object> connection(String r2dbcUrl, String jdbcUrl, String user, String password) {
        return Map.of(
                "spring.r2dbc.url", r2dbcUrl,
                "spring.r2dbc.username", user,
                "spring.r2dbc.password", password,
                "spring.flyway.url", jdbcUrl,
                "spring.flyway.user", user,
                "spring.flyway.password", password);
    }
}
