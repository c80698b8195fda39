package org.concord.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One Concord service as the local stack runs it: its name, console tag, first port, jar and data. The gateway, the
 * front door before the services, runs the same way (one instance, no database).
 */
public record ServiceSpec(String name, String tag, int port, Console.Colour colour) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("regions-service", "regions", 8081, Console.Colour.GREEN),
            new ServiceSpec("agreements-service", "agreements", 8082, Console.Colour.BLUE),
            new ServiceSpec("notifications-service", "notifications", 8083, Console.Colour.MAGENTA));

    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", "gateway", 8080, Console.Colour.BOLD);

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The executable jar the module's build leaves behind: {@code <home>/<name>/target/<name>-exec.jar}. */
    Path jar(Path home) {
        return home.resolve(name).resolve("target").resolve(name + "-exec.jar");
    }

    /** The service's own directory under the data directory (its working directory and its H2 database). */
    Path directory(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().resolve(name);
    }

    /** H2's file name without its {@code .mv.db} suffix. */
    Path databaseFile(Path dataDirectory) {
        return directory(dataDirectory).resolve("db");
    }

    /** The service's database on a PostgreSQL server: {@code concord_agreements} for agreements-service. */
    String postgresDatabase() {
        return "concord_" + name.replace("-service", "");
    }
}
