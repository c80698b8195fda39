package org.concord.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Concord service as the local stack runs it: its name, console tag, port, jar, and H2 file database
 * under the data directory.
 */
record ServiceSpec(String name, String tag, int port, Console.Colour colour) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("regions-service", "regions", 8081, Console.Colour.GREEN),
            new ServiceSpec("agreements-service", "agreements", 8082, Console.Colour.BLUE),
            new ServiceSpec("notifications-service", "notifications", 8083, Console.Colour.MAGENTA));

    /** The executable jar the module's build leaves behind: {@code <home>/<name>/target/<name>-exec.jar}. */
    Path jar(Path home) {
        return home.resolve(name).resolve("target").resolve(name + "-exec.jar");
    }

    /** The service's own directory under the data directory (its working directory and its database). */
    Path directory(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().resolve(name);
    }

    /** H2's file name without its {@code .mv.db} suffix. */
    Path databaseFile(Path dataDirectory) {
        return directory(dataDirectory).resolve("db");
    }

    /** r2dbc-h2 wants four slashes before an absolute path: {@code r2dbc:h2:file:////abs/path/db}. */
    String r2dbcUrl(Path dataDirectory) {
        return "r2dbc:h2:file:///" + databaseFile(dataDirectory);
    }

    /** Flyway's JDBC view of the same file: {@code jdbc:h2:file:/abs/path/db}. */
    String jdbcUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + databaseFile(dataDirectory);
    }

    /** The environment the service reads (see the brief and platform-defaults.yml). */
    Map<String, String> environment(Path dataDirectory, String bootstrapServers) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", Integer.toString(port));
        environment.put("CONCORD_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("CONCORD_DB_R2DBC_URL", r2dbcUrl(dataDirectory));
        environment.put("CONCORD_DB_JDBC_URL", jdbcUrl(dataDirectory));
        // Explicit, so a PostgreSQL user exported in the developer's shell never meets these H2 files.
        environment.put("CONCORD_DB_USER", "sa");
        environment.put("CONCORD_DB_PASSWORD", "");
        // tokens from ./concord token: signed with the key the launcher keeps in the data directory
        environment.put("CONCORD_SECURITY_ISSUER", DevKeys.ISSUER);
        environment.put("CONCORD_SECURITY_AUDIENCE", DevKeys.AUDIENCE);
        environment.put("CONCORD_SECURITY_PUBLIC_KEY", new DevKeys(dataDirectory).publicKeyFile().toUri().toString());
        if (name.equals("notifications-service")) {
            // webhook receivers on this machine (a developer's test server) are allowed here, and only here
            environment.put("CONCORD_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1");
        }
        return environment;
    }

    URI url() {
        return URI.create("http://localhost:" + port);
    }

    URI healthUrl() {
        return url().resolve("/actuator/health");
    }

    URI openApiUrl() {
        return url().resolve("/v3/api-docs");
    }

    URI swaggerUiUrl() {
        return url().resolve("/swagger-ui.html");
    }
}
