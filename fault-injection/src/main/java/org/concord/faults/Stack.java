package org.concord.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.concord.localstack.DevKeys;
import org.concord.localstack.DevToken;
import org.concord.localstack.LaunchOptions;
import org.concord.localstack.ProcessSignals;
import org.concord.localstack.RunDirectory;
import org.concord.localstack.StackLayout;

/**
 * A local stack the suite runs for one scenario, the way a developer runs one: {@code ./concord up}'s launcher as a
 * process of its own (same jar, same options), on ports no one else uses (a port offset chosen free), with a data
 * directory of its own. The suite reads the launcher's run directory to find each process's pid, and stops the stack
 * with {@code ./concord stop}'s command.
 */
final class Stack implements AutoCloseable {

    static final Duration START_PATIENCE = Duration.ofSeconds(300);
    static final String LAUNCHER_JAR = "local-stack/target/local-stack-exec.jar";

    private final Path home;
    private final Path data;
    private final Path output;
    private final List<String> upArguments;
    private final StackLayout layout;
    private final RunDirectory run;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private Process launcher;

    private Stack(Path home, Path data, Path output, List<String> upArguments, StackLayout layout) {
        this.home = home;
        this.data = data;
        this.output = output;
        this.upArguments = List.copyOf(upArguments);
        this.layout = layout;
        this.run = new RunDirectory(data);
    }

    /** Starts a stack of {@code brokers} Kafka nodes and {@code instances} of each service, and waits until it is up. */
    static Stack start(Path home, Path workDirectory, int brokers, int instances, Optional<String> postgres) throws IOException {
        Files.createDirectories(workDirectory);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int offset = freePortOffset(brokers, instances);
            StackLayout layout = new StackLayout(brokers, instances, offset);
            List<String> arguments = new ArrayList<>(List.of("--port-offset", Integer.toString(offset),
                    "--brokers", Integer.toString(brokers), "--instances", Integer.toString(instances)));
            postgres.ifPresent(address -> arguments.addAll(List.of("--postgres", address)));
            Stack stack = new Stack(home, workDirectory.resolve("data"), workDirectory.resolve("launcher.out"), arguments, layout);
            try {
                stack.up();
                return stack;
            } catch (IOException e) {
                stack.close();
                last = e;
                if (!Files.readString(stack.output).contains("is already in use")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    /** Runs the launcher (again) and waits for every process to be up. */
    void up() throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-D" + LaunchOptions.HOME_PROPERTY + "=" + home, "-jar", home.resolve(LAUNCHER_JAR).toString(), "up"));
        command.addAll(upArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put(LaunchOptions.DATA_DIR_VARIABLE, data.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().remove(LaunchOptions.PORT_OFFSET_VARIABLE);
        launcher = builder.start();
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (!allUp()) {
            if (!launcher.isAlive()) {
                throw new IOException("the launcher stopped (exit code " + launcher.exitValue() + "): " + lastLines(5));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("the stack is not up after " + START_PATIENCE.toSeconds() + " s: " + lastLines(5));
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** Every process of the layout is up, as the launcher reports it, and its process is alive. */
    boolean allUp() {
        return layout.processNames().stream().allMatch(this::isUp);
    }

    boolean isUp(String name) {
        return run.process(name).map(state -> state.state().equals(RunDirectory.ProcessState.UP) && state.alive()).orElse(false);
    }

    long pid(String name) {
        return run.process(name).map(RunDirectory.ProcessState::pid)
                .orElseThrow(() -> new IllegalStateException("the launcher reports no " + name));
    }

    /** {@code kill -9} of a process of the stack; returns its pid. */
    long kill(String name) {
        long pid = pid(name);
        ProcessSignals.send("KILL", pid);
        return pid;
    }

    /** Up again after {@code oldPid} was killed: a new process, reported up by the launcher. */
    boolean isBack(String name, long oldPid) {
        return run.process(name).map(state -> state.pid() != oldPid && state.state().equals(RunDirectory.ProcessState.UP)
                && state.alive()).orElse(false);
    }

    /** {@code ./concord stop}, as a user runs it from another terminal; waits for the launcher to end. */
    void stop() throws IOException {
        if (launcher == null) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx128m", "-D" + LaunchOptions.HOME_PROPERTY + "=" + home,
                "-jar", home.resolve(LAUNCHER_JAR).toString(), "stop")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put(LaunchOptions.DATA_DIR_VARIABLE, data.toString());
        builder.environment().put("NO_COLOR", "1");
        try {
            builder.start().waitFor(3, TimeUnit.MINUTES);
            launcher.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    StackLayout layout() {
        return layout;
    }

    Path dataDirectory() {
        return data;
    }

    RunDirectory runDirectory() {
        return run;
    }

    String bootstrapServers() {
        return layout.bootstrapServers();
    }

    /** The URLs of every instance of a service. */
    List<URI> urls(String service) {
        return layout.instancesOf(service).stream().map(StackLayout.ServiceInstance::url).toList();
    }

    URI url(String service) {
        return urls(service).get(0);
    }

    /** A development token signed with this stack's key: {@code admin}, {@code viewer} or a region's signatory. */
    String token(String role, String region) {
        return tokens.computeIfAbsent(role + "/" + region, key -> {
            DevKeys keys = new DevKeys(data);
            keys.ensure();
            return DevToken.parse(region == null ? List.of(role, "--ttl", "12h") : List.of(role, region, "--ttl", "12h"))
                    .sign(keys.privateKey(), Instant.now());
        });
    }

    String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no launcher output)";
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        if (launcher != null && launcher.isAlive()) {
            launcher.destroyForcibly();
        }
    }

    /** An offset below the ephemeral port range under which every port of the stack is free now. */
    static int freePortOffset(int brokers, int instances) {
        int start = ThreadLocalRandom.current().nextInt(10, 23);
        for (int i = 0; i < 13; i++) {
            int offset = 1000 * (10 + (start - 10 + i) % 13);
            StackLayout layout = new StackLayout(brokers, instances, offset);
            List<Integer> ports = new ArrayList<>();
            layout.nodes().forEach(node -> {
                ports.add(node.port());
                ports.add(node.controllerPort());
            });
            layout.services().forEach(service -> ports.add(service.port()));
            ports.add(layout.gateway().port());
            if (ports.stream().allMatch(Stack::free)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free block of ports for a stack between 18080 and 32097");
    }

    static boolean free(int port) {
        for (InetSocketAddress address : List.of(new InetSocketAddress("localhost", port), new InetSocketAddress(port))) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(address);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
