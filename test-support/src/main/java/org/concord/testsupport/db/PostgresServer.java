package org.concord.testsupport.db;

import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.concord.testsupport.Docker;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests create their databases on: the one configured by {@code CONCORD_TEST_POSTGRES_URL}
 * (JDBC URL of a database to connect to for {@code CREATE DATABASE}, with {@code CONCORD_TEST_POSTGRES_USER} and
 * {@code CONCORD_TEST_POSTGRES_PASSWORD}; or the system properties {@code concord.test.postgres.*}), else a
 * Testcontainers PostgreSQL where Docker runs.
 */
final class PostgresServer {

    static final String IMAGE = "postgres:16-alpine";
    private static PostgresServer instance;

    private final String adminJdbcUrl;
    private final String user;
    private final String password;

    private PostgresServer(String adminJdbcUrl, String user, String password) {
        this.adminJdbcUrl = adminJdbcUrl;
        this.user = user;
        this.password = password;
    }

    static Optional<String> unavailableReason() {
        if (setting("url") != null || Docker.available()) {
            return Optional.empty();
        }
        return Optional.of("no PostgreSQL configured (set CONCORD_TEST_POSTGRES_URL, as .ci/run does) and no Docker engine to start one");
    }

    static synchronized PostgresServer get() {
        if (instance == null) {
            instance = setting("url") != null
                    ? new PostgresServer(setting("url"), orDefault(setting("user"), "postgres"), orDefault(setting("password"), ""))
                    : startContainer();
        }
        return instance;
    }

    String createDatabase(String name) {
        String database = ("concord_test_" + name + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (var connection = DriverManager.getConnection(adminJdbcUrl, user, password);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database + " on " + adminJdbcUrl, e);
        }
        return database;
    }

    String jdbcUrl(String database) {
        URI server = server();
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
    }

    String r2dbcUrl(String database) {
        URI server = server();
        return "r2dbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private URI server() {
        URI uri = URI.create(adminJdbcUrl.substring("jdbc:".length()));
        return uri.getPort() < 0 ? URI.create(uri.getScheme() + "://" + uri.getHost() + ":5432") : uri;
    }

    private static PostgresServer startContainer() {
        var container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static String setting(String name) {
        String property = System.getProperty("concord.test.postgres." + name);
        return property != null ? property : System.getenv("CONCORD_TEST_POSTGRES_" + name.toUpperCase(Locale.ROOT));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
