package org.concord.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The commands that talk to a running stack through its {@link RunDirectory}: {@code status} (every process, its
 * pid, health and restarts), {@code stop} (asks the launcher to stop everything; stops the processes itself when the
 * launcher is gone), {@code restart <service>} (the launcher starts it again and the command waits until it is
 * healthy) and {@code logs <service>} (the end of its log file, {@code -f} to follow it).
 */
final class StackControl {

    static final Duration STOP_PATIENCE = Duration.ofSeconds(90);
    static final Duration RESTART_PATIENCE = Duration.ofSeconds(180);

    private final LaunchOptions options;
    private final RunDirectory run;
    private final Health health = new Health();

    StackControl(LaunchOptions options) {
        this.options = options;
        this.run = new RunDirectory(options.dataDirectory());
    }

    int run(String command, List<String> args) {
        return switch (command) {
            case "status" -> status();
            case "stop" -> stop();
            case "restart" -> restart(args);
            default -> logs(args);
        };
    }

    // ---- status ------------------------------------------------------------------------------------------------

    int status() {
        if (!run.exists()) {
            Console.info("no local stack is running from " + options.dataDirectory() + " (./concord up starts one)");
            return 3;
        }
        StackLayout layout = layout();
        long launcher = run.launcherPid().orElse(0L);
        String launcherState = describe(launcher);
        Properties stack = run.stack().orElseGet(Properties::new);
        Console.info("local stack from " + options.dataDirectory() + ": launcher pid " + launcher + " " + launcherState + "; "
                + layout.brokers() + (layout.brokers() == 1 ? " Kafka broker, " : " Kafka brokers, ") + layout.instances()
                + (layout.instances() == 1 ? " instance" : " instances") + " of each service, " + stack.getProperty("database", "?"));
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("PROCESS", "PID", "STATE", "READY", "ADDRESS", "UP FOR", "RESTARTS", "LAST STOP"));
        boolean allWell = launcherState.equals("running");
        for (String name : layout.processNames()) {
            Optional<RunDirectory.ProcessState> state = run.process(name);
            long pid = state.map(RunDirectory.ProcessState::pid).orElse(0L);
            String running = describe(pid);
            String ready = running.equals("running") ? ready(layout, name) : "-";
            allWell &= running.equals("running") && ready.equals("UP");
            table.add(List.of(name, pid == 0 ? "-" : Long.toString(pid),
                    running.equals("running") ? state.map(RunDirectory.ProcessState::state).orElse("?") : running,
                    ready, address(layout, name),
                    state.map(RunDirectory.ProcessState::started).filter(started -> running.equals("running"))
                            .map(started -> duration(Duration.between(started, Instant.now()))).orElse("-"),
                    Integer.toString(state.map(RunDirectory.ProcessState::restarts).orElse(0)),
                    state.map(RunDirectory.ProcessState::lastExit).filter(exit -> !exit.isBlank()).orElse("-")));
        }
        table(table).forEach(Console::plain);
        return allWell ? 0 : 1;
    }

    private String ready(StackLayout layout, String name) {
        try {
            Optional<StackLayout.ServiceInstance> service = layout.service(name);
            if (service.isPresent()) {
                Health.Status status = health.check(service.get().healthUrl());
                return status.up() ? "UP" : status.description();
            }
            StackLayout.KafkaNodeSpec node = layout.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
            Health.Status status = Topics.clusterReady(node.address(), 1);
            return status.up() ? "UP" : status.description();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static String address(StackLayout layout, String name) {
        return layout.service(name).map(service -> service.url().toString())
                .orElseGet(() -> layout.nodes().stream().filter(node -> node.name().equals(name))
                        .map(StackLayout.KafkaNodeSpec::address).findFirst().orElse("-"));
    }

    /** "running", "frozen (SIGSTOP)", "gone". */
    static String describe(long pid) {
        if (pid <= 0 || !RunDirectory.alive(pid)) {
            return "gone";
        }
        return "T".equals(RunDirectory.procState(pid)) ? "frozen (SIGSTOP)" : "running";
    }

    // ---- stop --------------------------------------------------------------------------------------------------

    int stop() {
        if (!run.exists()) {
            Console.info("no local stack is running from " + options.dataDirectory());
            return 0;
        }
        StackLayout layout = layout();
        long launcher = run.launcherPid().orElse(0L);
        if (RunDirectory.alive(launcher)) {
            Console.info("asking the launcher (pid " + launcher + ") to stop the local stack ...");
            ProcessSignals.send("CONT", launcher);
            ProcessSignals.send("TERM", launcher);
            if (awaitGone(List.of(launcher), STOP_PATIENCE)) {
                Console.info("stopped; the data stays in " + options.dataDirectory());
                return 0;
            }
            Console.warn("the launcher did not stop within " + STOP_PATIENCE.toSeconds() + " s: killing it and stopping its processes");
            ProcessSignals.send("KILL", launcher);
        } else {
            Console.info("the launcher (pid " + launcher + ") is gone; stopping the processes it left");
        }
        List<String> services = Stream.concat(layout.services().stream(), Stream.of(layout.gateway()))
                .map(StackLayout.ServiceInstance::name).toList();
        List<String> kafka = layout.nodes().stream().map(StackLayout.KafkaNodeSpec::name).toList();
        stopLeftovers(services, Supervisor.GRACE);
        stopLeftovers(kafka, Supervisor.BROKER_GRACE);
        run.clear();
        Console.info("stopped; the data stays in " + options.dataDirectory());
        return 0;
    }

    private void stopLeftovers(List<String> names, Duration grace) {
        List<Long> pids = new ArrayList<>();
        for (String name : names) {
            run.process(name).filter(RunDirectory.ProcessState::alive).ifPresent(state -> {
                Console.info("stopping " + name + " (pid " + state.pid() + ") ...");
                ProcessSignals.send("CONT", state.pid());
                ProcessSignals.send("TERM", state.pid());
                pids.add(state.pid());
            });
        }
        if (!awaitGone(pids, grace)) {
            pids.stream().filter(RunDirectory::alive).forEach(pid -> {
                Console.warn("pid " + pid + " did not stop within " + grace.toSeconds() + " s: killing it");
                ProcessSignals.send("KILL", pid);
            });
            awaitGone(pids, Duration.ofSeconds(5));
        }
    }

    private static boolean awaitGone(List<Long> pids, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (pids.stream().anyMatch(RunDirectory::alive)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(Duration.ofMillis(200));
        }
        return true;
    }

    // ---- restart -----------------------------------------------------------------------------------------------

    int restart(List<String> args) {
        if (args.size() != 1) {
            throw new LaunchException("which one? ./concord restart <service>, e.g. ./concord restart agreements-service",
                    LaunchException.USAGE);
        }
        if (!run.exists()) {
            throw new LaunchException("no local stack is running from " + options.dataDirectory() + " (./concord up starts one)");
        }
        long launcher = run.launcherPid().orElse(0L);
        if (!describe(launcher).equals("running")) {
            throw new LaunchException("the launcher (pid " + launcher + ") is " + describe(launcher)
                    + ", so nothing would start the process again: ./concord stop, then ./concord up");
        }
        StackLayout layout = layout();
        for (String name : resolve(args.get(0), layout.processNames(), true)) {
            restartOne(name);
        }
        return 0;
    }

    private void restartOne(String name) {
        RunDirectory.ProcessState before = run.process(name)
                .orElseThrow(() -> new LaunchException("the launcher has not started " + name + " (yet)"));
        Instant asked = Instant.now();
        run.requestRestart(name);
        if (before.alive()) {
            Console.info("restarting " + name + " (pid " + before.pid() + ") ...");
            ProcessSignals.send("CONT", before.pid());
            ProcessSignals.send("TERM", before.pid());
        } else {
            Console.info(name + " is not running; the launcher is starting it again ...");
        }
        Instant deadline = asked.plus(RESTART_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<RunDirectory.ProcessState> now = run.process(name);
            if (now.isPresent() && now.get().pid() != before.pid() && now.get().state().equals(RunDirectory.ProcessState.UP)) {
                Console.info(name + " is back (pid " + now.get().pid() + "), ready after "
                        + Summary.seconds(Duration.between(asked, Instant.now())));
                return;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new LaunchException(name + " is not back after " + RESTART_PATIENCE.toSeconds() + " s: ./concord logs " + name);
    }

    // ---- logs --------------------------------------------------------------------------------------------------

    int logs(List<String> args) {
        boolean follow = false;
        int lines = 100;
        String name = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-f") || arg.equals("--follow")) {
                follow = true;
            } else if ((arg.equals("-n") || arg.equals("--tail")) && i + 1 < args.size()) {
                lines = Integer.parseInt(args.get(++i));
            } else if (name == null && !arg.startsWith("-")) {
                name = arg;
            } else {
                throw new LaunchException("./concord logs <service> [-f] [-n lines], not '" + String.join(" ", args) + "'",
                        LaunchException.USAGE);
            }
        }
        if (name == null) {
            throw new LaunchException("whose logs? ./concord logs <service> [-f] [-n lines], e.g. ./concord logs agreements-service",
                    LaunchException.USAGE);
        }
        Path logs = options.dataDirectory().resolve("logs");
        List<String> known;
        try (Stream<Path> files = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
            known = files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".log"))
                    .map(file -> file.substring(0, file.length() - 4)).sorted().toList();
        } catch (IOException e) {
            known = List.of();
        }
        Path file = logs.resolve(resolve(name, known, false).get(0) + ".log");
        long position = printTail(file, lines);
        while (follow) {
            sleep(Duration.ofMillis(200));
            position = printFrom(file, position);
        }
        return 0;
    }

    private static long printTail(Path file, int lines) {
        Deque<String> tail = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                tail.addLast(line);
                if (tail.size() > lines) {
                    tail.removeFirst();
                }
            });
            tail.forEach(System.out::println);
            return Files.size(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LaunchException("cannot read " + file + " (" + LaunchException.rootCause(e) + ")");
        }
    }

    private static long printFrom(Path file, long position) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size < position) {
                position = 0;
            }
            if (size == position) {
                return position;
            }
            in.seek(position);
            byte[] bytes = new byte[(int) Math.min(size - position, 1 << 20)];
            in.readFully(bytes);
            System.out.print(new String(bytes, StandardCharsets.UTF_8));
            System.out.flush();
            return position + bytes.length;
        } catch (IOException e) {
            return position;
        }
    }

    // ---- names -------------------------------------------------------------------------------------------------

    /**
     * Which processes a name means: an exact process name ({@code agreements-service-2}, {@code kafka-3}); a service
     * by its full or short name ({@code agreements}: every instance, or the first one only when {@code all} is false);
     * {@code kafka} for every Kafka node.
     */
    static List<String> resolve(String query, List<String> names, boolean all) {
        String wanted = query.toLowerCase(Locale.ROOT);
        if (names.contains(wanted)) {
            return List.of(wanted);
        }
        String service = wanted.endsWith("-service") || wanted.equals("kafka") ? wanted : wanted + "-service";
        List<String> matching = names.stream()
                .filter(name -> name.equals(service) || name.matches(java.util.regex.Pattern.quote(service) + "-\\d+"))
                .toList();
        if (matching.isEmpty()) {
            throw new LaunchException("no process '" + query + "' in this stack; known: " + String.join(", ", names),
                    LaunchException.USAGE);
        }
        return all ? matching : List.of(matching.get(0));
    }

    StackLayout layout() {
        return run.layout().orElseGet(() -> new StackLayout(1, 1, 0));
    }

    /** "3 s", "4 m 12 s", "2 h 3 m". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " m " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " m";
    }

    static List<String> table(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return rows.stream().map(row -> {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            return line.toString().stripTrailing();
        }).collect(Collectors.toList());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        }
    }
}
