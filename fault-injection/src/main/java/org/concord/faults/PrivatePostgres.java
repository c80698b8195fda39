package org.concord.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the suite's own, made with {@code initdb} in a temporary directory and run with
 * {@code pg_ctl} on a free port as the {@code postgres} operating system user (PostgreSQL refuses to run as root), so
 * that restarting it under load touches no one else's database. Needs the server binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, or {@code CONCORD_PG_BIN}) and {@code runuser} when the suite runs as
 * root.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path directory;
    private final int port;

    private PrivatePostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** Why no private cluster can be made here, if it cannot. */
    static Optional<String> unavailableReason() {
        if (binaries().isEmpty()) {
            return Optional.of("no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or CONCORD_PG_BIN");
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return Optional.of("running as root without runuser to start PostgreSQL as the postgres user");
        }
        return Optional.empty();
    }

    static PrivatePostgres start(int port) throws IOException {
        Path bin = binaries().orElseThrow(() -> new IOException(unavailableReason().orElse("no PostgreSQL")));
        Path directory = Files.createTempDirectory("concord-faults-pg");
        if (isRoot()) {
            UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        PrivatePostgres server = new PrivatePostgres(bin, directory, port);
        server.run("initdb", "-D", server.data().toString(), "-A", "trust", "-U", "postgres", "--no-instructions");
        server.startServer();
        return server;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /**
     * Like a crash: stops at once without a shutdown checkpoint ({@code -m immediate}), stays down for {@code down},
     * then starts again (with crash recovery).
     */
    void crashAndRestart(java.time.Duration down) throws IOException {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        Stack.pause(down);
        startServer();
    }

    /** One client backend of the cluster as {@code pg_stat_activity} shows it: its process, state and current or last query. */
    record Backend(long pid, String state, String query) {
    }

    /** A session of the suite's own on the cluster, to read {@code pg_stat_activity} with. */
    final class Activity implements AutoCloseable {

        private final Connection connection;

        private Activity(Connection connection) {
            this.connection = connection;
        }

        /** The client backends connected to {@code database}, other than this session's. */
        List<Backend> backends(String database) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pid, state, query FROM pg_stat_activity"
                    + " WHERE datname = ? AND backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
                statement.setString(1, database);
                List<Backend> backends = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        backends.add(new Backend(rows.getLong("pid"), String.valueOf(rows.getString("state")),
                                String.valueOf(rows.getString("query"))));
                    }
                }
                return backends;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    Activity activity() throws SQLException {
        return new Activity(DriverManager.getConnection("jdbc:postgresql://" + address() + "/postgres", "postgres", ""));
    }

    private void startServer() throws IOException {
        run("pg_ctl", "-D", data().toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=on", "start");
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void run(String tool, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        Path log = directory.resolve("commands.log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(tool + " failed: " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + tool, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
        } catch (IOException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("CONCORD_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "pg_ctl"))) {
            return Optional.of(Path.of(configured));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> version(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
