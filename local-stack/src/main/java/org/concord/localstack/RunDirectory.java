package org.concord.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code <data>/run/}: what a running stack tells the other commands ({@code status}, {@code stop}, {@code restart},
 * {@code logs}) and the fault suite. The launcher writes {@code launcher.pid}, {@code stack.properties} (its shape and
 * ports) and one {@code <process>.properties} per process (pid, state, restarts), each replaced atomically when it
 * changes; {@code restart} leaves a {@code <process>.restart} request for the launcher. The launcher empties the
 * directory when it stops; one killed leaves it behind, so {@code stop} can still find its processes.
 */
public final class RunDirectory {

    /** What the launcher last said about one of its processes. */
    public record ProcessState(String name, long pid, String state, int restarts, Instant started, String lastExit) {

        public static final String STARTING = "starting";
        public static final String UP = "up";
        public static final String RESTARTING = "restarting";
        public static final String STOPPED = "stopped";

        public boolean alive() {
            return pid > 0 && RunDirectory.alive(pid);
        }
    }

    private final Path directory;

    public RunDirectory(Path dataDirectory) {
        this.directory = dataDirectory.toAbsolutePath().normalize().resolve("run");
    }

    public Path path() {
        return directory;
    }

    void create() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LaunchException("cannot create " + directory + " (" + DataDirectory.reason(e) + ")", LaunchException.USAGE, e);
        }
    }

    /** Forgets everything a previous launcher left, keeping nothing but the directory. */
    void clear() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeLauncher(long pid, Properties stack) {
        write("stack.properties", stack);
        Properties launcher = new Properties();
        launcher.setProperty("pid", Long.toString(pid));
        write("launcher.properties", launcher);
    }

    public Optional<Long> launcherPid() {
        return read("launcher.properties").map(properties -> Long.parseLong(properties.getProperty("pid", "0")));
    }

    /** The shape of the running stack as the launcher wrote it: brokers, instances, port offset, database. */
    public Optional<Properties> stack() {
        return read("stack.properties");
    }

    /** Where the running stack's processes listen (brokers, instances, port offset), as the launcher wrote it. */
    public Optional<StackLayout> layout() {
        return stack().map(stack -> new StackLayout(Integer.parseInt(stack.getProperty("brokers", "1")),
                Integer.parseInt(stack.getProperty("instances", "1")),
                Integer.parseInt(stack.getProperty("port-offset", "0"))));
    }

    void writeProcess(ProcessState state) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(state.pid()));
        properties.setProperty("state", state.state());
        properties.setProperty("restarts", Integer.toString(state.restarts()));
        properties.setProperty("started", state.started() == null ? "" : state.started().toString());
        properties.setProperty("last-exit", state.lastExit() == null ? "" : state.lastExit());
        write(state.name() + ".properties", properties);
    }

    public Optional<ProcessState> process(String name) {
        return read(name + ".properties").map(properties -> new ProcessState(name,
                Long.parseLong(properties.getProperty("pid", "0")),
                properties.getProperty("state", ""),
                Integer.parseInt(properties.getProperty("restarts", "0")),
                properties.getProperty("started", "").isEmpty() ? null : Instant.parse(properties.getProperty("started")),
                properties.getProperty("last-exit", "")));
    }

    /** Asks the launcher to start {@code name} again at once, rather than after a back-off, when it next stops. */
    void requestRestart(String name) {
        try {
            Files.writeString(directory.resolve(name + ".restart"), Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean takeRestartRequest(String name) {
        try {
            return Files.deleteIfExists(directory.resolve(name + ".restart"));
        } catch (IOException e) {
            return false;
        }
    }

    public boolean exists() {
        return Files.isRegularFile(directory.resolve("launcher.properties"));
    }

    /** True when the process exists and is not a zombie: a stopped (SIGSTOP) process is alive. */
    public static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        return !"Z".equals(procState(pid));
    }

    /** The state letter of {@code /proc/<pid>/stat} on Linux ("R", "S", "T" when stopped, "Z"), or null elsewhere. */
    static String procState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 2);
            return afterName.substring(0, 1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    List<String> processNames() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.equals("stack.properties") && !name.equals("launcher.properties"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Optional<Properties> read(String file) {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.of(properties);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void write(String file, Properties properties) {
        Path target = directory.resolve(file);
        Path temporary = directory.resolve("." + file + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
