package org.concord.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service of the system under test, as a client sees it: its base URL and JSON over HTTP with a bearer token.
 * The application context is kept only to close it.
 */
final class RunningService implements AutoCloseable {

    /** A response: the status and the JSON body (a missing node when there is none). */
    record Response(int status, JsonNode body) {

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String name;
    private final ConfigurableApplicationContext context;
    private final URI baseUrl;

    RunningService(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        this.baseUrl = URI.create("http://localhost:" + port);
    }

    String name() {
        return name;
    }

    URI baseUrl() {
        return baseUrl;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + name, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
