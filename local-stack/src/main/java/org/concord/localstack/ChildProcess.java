package org.concord.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process the launcher runs and watches: a Kafka node or a service instance. Its stdout and stderr go to
 * {@code <data>/logs/<name>.log} directly (the launcher only reads the file), and it runs in a session of its own,
 * so Ctrl-C reaches the launcher alone, which then stops everything in order: the services, then Kafka.
 */
final class ChildProcess {

    /** Small and quick to start: C1 only, serial GC, a modest heap (several of these share a laptop). */
    static final List<String> SERVICE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");
    static final List<String> KAFKA_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** How to tell whether the process is ready: the service's health, the Kafka node's answer. */
    interface Readiness {
        Health.Status check() throws InterruptedException;
    }

    private final String name;
    private final String tag;
    private final Console.Colour colour;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private final URI address;
    private final Readiness readiness;
    private volatile Process process;
    private volatile Instant started;
    private volatile Instant healthySince;
    private volatile int restarts;
    private volatile String lastExit;
    private int quickStops;

    ChildProcess(String name, String tag, Console.Colour colour, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile, URI address, Readiness readiness) {
        this.name = name;
        this.tag = tag;
        this.colour = colour;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
        this.address = address;
        this.readiness = readiness;
    }

    /** {@code java <options> -jar <jar> <arguments>}, with the console pattern the launcher can read. */
    static List<String> javaCommand(Path java, List<String> jvmOptions, Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-Dlogging.pattern.console=" + ServiceOutput.LOG_PATTERN);
        command.add("-Dlogging.charset.console=UTF-8");
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dsun.stderr.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }

    /** The java of the JVM running the launcher: the same JDK the script found. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Starts (or starts again) the process; its output is appended to the log file after a header line. */
    void start() {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDirectory);
            Files.writeString(logFile, "---- " + name + " started by ./concord up at " + OffsetDateTime.now() + " ----\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> line = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                line.add(SETSID.toString());
            }
            line.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(line)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            healthySince = null;
            started = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new LaunchException("could not start " + name + ": " + LaunchException.rootCause(e), e);
        }
    }

    /** SIGTERM to the process (a JVM runs its shutdown hooks) and to whatever it started. */
    void terminate() {
        Process running = process;
        if (running != null && running.isAlive()) {
            List<ProcessHandle> children = running.descendants().toList();
            running.toHandle().destroy();
            children.forEach(ProcessHandle::destroy);
        }
    }

    /** Waits up to {@code grace} for the process to end after {@link #terminate()}, then SIGKILLs it. */
    boolean awaitExit(Duration grace) {
        Process running = process;
        if (running == null) {
            return true;
        }
        try {
            if (running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        try {
            running.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    Health.Status readiness() throws InterruptedException {
        return readiness.check();
    }

    /** A process killed by a signal leaves no last words worth quoting: name the signal instead. */
    static String why(int exitCode, List<String> output) {
        String signal = switch (exitCode) {
            case 137 -> "killed by SIGKILL (out of memory, or someone killed it)";
            case 143 -> "stopped by SIGTERM from outside the launcher";
            case 130 -> "stopped by SIGINT";
            default -> null;
        };
        return signal != null ? signal : ServiceOutput.lastMeaningfulLine(output);
    }

    /** "regions-service exited during startup (exit code 1): Port 8081 was already in use. (log: ...)" */
    String diedMessage(String what, List<String> lastWords) {
        int exit = process.exitValue();
        return name + " " + what + " (exit code " + exit + "): " + why(exit, lastWords) + " (log: " + logFile + ")";
    }

    /** What the launcher tells the other commands about this process; {@code exit} describes a stop that just happened. */
    RunDirectory.ProcessState state(String state, String exit) {
        if (exit != null) {
            lastExit = "at " + java.time.LocalTime.now().withNano(0) + ", " + exit;
        }
        Process running = process;
        return new RunDirectory.ProcessState(name, running == null ? 0 : running.pid(), state, restarts, started, lastExit);
    }

    String name() {
        return name;
    }

    String tag() {
        return tag;
    }

    Console.Colour colour() {
        return colour;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    /** Where it listens: the service's URL, the Kafka node's {@code localhost:port}. */
    URI address() {
        return address;
    }

    Instant started() {
        return started;
    }

    Instant healthySince() {
        return healthySince;
    }

    void healthy(Instant since) {
        healthySince = since;
    }

    int restarts() {
        return restarts;
    }

    void countRestart() {
        restarts++;
    }

    /** The back-off before starting it again after it stopped at {@code now} (see {@link Supervisor}). */
    synchronized Duration nextBackoff(Instant now) {
        Instant ready = healthySince;
        if (ready != null && Duration.between(ready, now).compareTo(Supervisor.STABLE) >= 0) {
            quickStops = 0;
        }
        return Supervisor.backoff(quickStops++);
    }
}
