package org.concord.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.testsupport.security.Tokens;

/**
 * The gateway as production runs it: its executable jar ({@code target/gateway-exec.jar}, built before the
 * integration tests) in a JVM of its own, in front of the services of a {@link ConcordServices}, on a free port.
 * Its output goes to {@code target/gateway-logs/<name>.log}.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Netty started on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI url;
    private final Path log;

    private GatewayProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts a gateway in front of {@code services}; {@code settings} are more {@code --name=value} arguments. */
    public static GatewayProcess start(String name, ConcordServices services, Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        for (String service : List.of("regions-service", "agreements-service", "notifications-service")) {
            all.put("concord.gateway.services." + service + ".uri", services.url(service));
        }
        all.putAll(Tokens.verification());
        all.putAll(settings);
        return start(name, all);
    }

    private static GatewayProcess start(String name, Map<String, Object> settings) {
        Path jar = Path.of(System.getProperty("concord.gateway.jar", "target/gateway-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no gateway jar at " + jar.toAbsolutePath()
                    + ": the integration tests run after `package` (./mvnw -pl gateway -am verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m", "-jar", jar.toString()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path log = Files.createDirectories(Path.of("target", "gateway-logs")).resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, log, port), "gateway-" + name + "-output");
            pump.setDaemon(true);
            pump.start();
            GatewayProcess gateway = new GatewayProcess(process, URI.create("http://localhost:" + awaitPort(port, process, log)), log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gateway", e);
        }
    }

    private static int awaitPort(CompletableFuture<Integer> port, Process process, Path log) {
        try {
            return port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the gateway did not start (" + e.getMessage() + "); its log: "
                    + log.toAbsolutePath() + "\n" + tail(log), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while the gateway started", e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    port.complete(Integer.parseInt(started.group(1)));
                }
            }
        } catch (IOException e) {
            // the stream ends with the process
        }
        port.completeExceptionally(new IllegalStateException("the gateway process ended with " + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "no exit code yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no exit code";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** {@code http://localhost:<port>} */
    public URI url() {
        return url;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
