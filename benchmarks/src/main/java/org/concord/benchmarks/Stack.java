package org.concord.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.localstack.DevKeys;
import org.concord.localstack.DevToken;
import org.concord.localstack.RunDirectory;
import org.concord.localstack.StackLayout;
import org.concord.testsupport.seed.SeedMou;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running local stack as the benchmark sees it: where each service listens, the broker, the database kind, the
 * pid of each process (from the launcher's run directory), and development tokens signed with the stack's key.
 */
final class Stack {

    static final List<String> SERVICES = List.of("regions-service", "agreements-service", "notifications-service");
    private static final Pattern POSTGRES = Pattern.compile("PostgreSQL at (\\S+)");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunDirectory run;
    private final StackLayout layout;
    private final String database;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String admin;
    private final String viewer;
    private final Map<String, String> signatories = new LinkedHashMap<>();

    private Stack(RunDirectory run, StackLayout layout, String database, DevKeys keys) {
        this.run = run;
        this.layout = layout;
        this.database = database;
        Instant now = Instant.now();
        admin = DevToken.parse(List.of("admin")).sign(keys.privateKey(), now);
        viewer = DevToken.parse(List.of("viewer")).sign(keys.privateKey(), now);
        for (String party : SeedMou.PARTIES) {
            signatories.put(party, DevToken.parse(List.of("signatory", party)).sign(keys.privateKey(), now));
        }
    }

    /** The stack started from {@code dataDirectory}; fails with what to do when none runs there. */
    static Stack running(Path dataDirectory) {
        RunDirectory run = new RunDirectory(dataDirectory);
        StackLayout layout = run.layout().filter(any -> run.launcherPid().map(RunDirectory::alive).orElse(false))
                .orElseThrow(() -> new BenchmarkException("no local stack runs from " + dataDirectory
                        + ": start one with ./concord up (same CONCORD_DATA_DIR), wait until it is healthy, then run the benchmark"));
        String database = run.stack().map(stack -> stack.getProperty("database", "")).orElse("");
        return new Stack(run, layout, database, new DevKeys(dataDirectory));
    }

    URI url(String service) {
        return layout.instancesOf(service).get(0).url();
    }

    String bootstrapServers() {
        return layout.bootstrapServers();
    }

    short replicationFactor() {
        return (short) layout.replicationFactor();
    }

    /** The PostgreSQL server the services use ({@code host:port}), or empty on H2. */
    Optional<String> postgres() {
        Matcher matcher = POSTGRES.matcher(database);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    String databaseDescription() {
        return database;
    }

    /** Every process of the stack with its pid: the services' instances and the Kafka nodes. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : layout.processNames()) {
            run.process(name).filter(state -> state.pid() > 0).ifPresent(state -> pids.put(name, state.pid()));
        }
        return pids;
    }

    String admin() {
        return admin;
    }

    String viewer() {
        return viewer;
    }

    String signatory(String party) {
        return signatories.get(party);
    }

    HttpClient http() {
        return http;
    }

    /** A JSON request to a service, waited for; the body parsed (null when empty). */
    JsonNode call(String method, String service, String path, String token, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(service).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != expected) {
            throw new BenchmarkException(method + " " + path + " on " + service + " answered " + response.statusCode()
                    + " (expected " + expected + "): " + response.body());
        }
        return response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    /** The service's Prometheus scrape (admin token), or empty when it does not answer. */
    Optional<String> scrape(String service) {
        HttpRequest request = HttpRequest.newBuilder(url(service).resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + admin).GET().build();
        try {
            HttpResponse<String> response = send(request);
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (BenchmarkException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchmarkException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }
}
