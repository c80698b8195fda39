package org.concord.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
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
import java.util.function.BooleanSupplier;

/**
 * One service JVM the launcher started: its whole output goes to {@code <data>/logs/<service>.log}, the
 * part worth reading to the terminal behind the service's tag.
 */
final class ServiceProcess {

    /** Small and quick to start: C1 only, serial GC, a modest heap (three of these share a laptop). */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private static final Duration POLL = Duration.ofMillis(300);

    private final ServiceSpec spec;
    private final Process process;
    private final ServiceOutput output;
    private final Path logFile;
    private final Instant started;
    private final Thread pump;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, Writer log, Instant started) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.output = new ServiceOutput(logFile.toString());
        this.started = started;
        this.pump = new Thread(() -> pump(log), spec.tag() + "-output");
        this.pump.setDaemon(true);
        this.pump.start();
    }

    static List<String> command(Path java, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlogging.pattern.console=" + ServiceOutput.LOG_PATTERN);
        command.add("-Dlogging.charset.console=UTF-8");
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dsun.stderr.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** The java of the JVM running the launcher: the same JDK the script found. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static ServiceProcess start(ServiceSpec spec, Path home, DataDirectory data, String bootstrapServers) {
        Path logFile = data.logFile(spec.name());
        Instant started = Instant.now();
        Writer log = null;
        try {
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            log.write("---- " + spec.name() + " started by ./concord up at " + OffsetDateTime.now() + " ----\n");
            log.flush();
            ProcessBuilder builder = new ProcessBuilder(command(currentJava(), spec.jar(home)))
                    .directory(spec.directory(data.root()).toFile())
                    .redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.putAll(spec.environment(data.root(), bootstrapServers));
            return new ServiceProcess(spec, builder.start(), logFile, log, started);
        } catch (IOException e) {
            closeQuietly(log);
            throw new LaunchException("could not start " + spec.name() + ": " + LaunchException.rootCause(e), e);
        }
    }

    private void pump(Writer log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = log) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                output.accept(line).ifPresent(this::show);
            }
        } catch (IOException e) {
            // The stream closes when the process is killed: nothing more to read.
        }
    }

    private void show(ServiceOutput.ConsoleLine line) {
        Console.Colour colour = switch (line.level()) {
            case ERROR -> Console.Colour.RED;
            case WARN -> Console.Colour.YELLOW;
            default -> Console.Colour.NONE;
        };
        Console.line(spec.tag(), spec.colour(), colour, line.text());
    }

    /**
     * Polls {@code /actuator/health} until the service says UP. Fails at once, naming the cause, when the
     * process dies first; fails after {@code timeout} with what health last said.
     *
     * @return how long the service took to become healthy
     */
    Duration awaitHealthy(Health health, Duration timeout, BooleanSupplier cancelled) {
        Instant deadline = started.plus(timeout);
        Health.Status last = new Health.Status(false, "not checked");
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new LaunchException(null, LaunchException.INTERRUPTED);
                }
                if (!process.isAlive()) {
                    if (endedBySignal()) {
                        // Ctrl-C reaches the services too: let the shutdown hook say it was that.
                        Thread.sleep(500);
                        if (cancelled.getAsBoolean()) {
                            throw new LaunchException(null, LaunchException.INTERRUPTED);
                        }
                    }
                    throw new LaunchException(diedMessage("exited during startup"));
                }
                last = health.check(spec.healthUrl());
                if (last.up()) {
                    return Duration.between(started, Instant.now());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new LaunchException(spec.name() + " is not healthy after " + timeout.toSeconds() + " s ("
                            + spec.healthUrl() + ": " + last.description() + ") (log: " + logFile + ")");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        }
    }

    /** A JVM that ran its shutdown hooks on SIGINT or SIGTERM exits with 128 + the signal's number. */
    private boolean endedBySignal() {
        int exit = process.exitValue();
        return exit == 130 || exit == 143;
    }

    /** "regions-service exited during startup (exit code 1): Port 8081 was already in use. (log: ...)" */
    String diedMessage(String what) {
        awaitOutput();
        int exit = process.exitValue();
        return spec.name() + " " + what + " (exit code " + exit + "): " + why(exit, output.tail()) + " (log: " + logFile + ")";
    }

    /** A JVM killed by a signal leaves no last words worth quoting: name the signal instead. */
    static String why(int exitCode, List<String> output) {
        String signal = switch (exitCode) {
            case 137 -> "killed by SIGKILL (out of memory, or someone killed it)";
            case 143 -> "stopped by SIGTERM from outside the launcher";
            case 130 -> "stopped by SIGINT";
            default -> null;
        };
        return signal != null ? signal : ServiceOutput.lastMeaningfulLine(output);
    }

    /** Lets the output thread write what the process printed last (to the log file, to the tail). */
    void awaitOutput() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    private static void closeQuietly(Writer writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // nothing to add to the failure being reported
            }
        }
    }
}
