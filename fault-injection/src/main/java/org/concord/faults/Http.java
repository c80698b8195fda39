package org.concord.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The suite's HTTP client: JSON in and out, a bearer token on every request, HTTP/1.1 like a plain client. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** An answer: its status and its body as JSON (a missing node when the body is not JSON). */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            // a question is answered or not within TIMEOUT, connecting included: no stricter limit hidden here
            .connectTimeout(TIMEOUT)
            .build();

    HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    Reply get(URI uri, String token) throws IOException, InterruptedException {
        return reply(client.send(request(uri, token).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    Reply post(URI uri, String token, Object body) throws IOException, InterruptedException {
        HttpRequest request = request(uri, token).header("Content-Type", "application/json").POST(json(body)).build();
        return reply(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    CompletableFuture<HttpResponse<String>> postAsync(URI uri, String token, Object body) {
        HttpRequest request = request(uri, token).header("Content-Type", "application/json").POST(json(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every item of a paged list ({@code {items, page, size, total}}), 100 at a time. */
    List<JsonNode> all(URI base, String token) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String separator = base.getQuery() == null ? "?" : "&";
        for (int page = 0; ; page++) {
            Reply reply = get(URI.create(base + separator + "size=100&page=" + page), token);
            if (!reply.ok()) {
                throw new IOException("GET " + base + " answered " + reply.status() + ": " + reply.body());
            }
            reply.body().path("items").forEach(items::add);
            if (reply.body().path("items").size() < 100) {
                return items;
            }
        }
    }

    static Reply reply(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (RuntimeException e) {
            body = JSON.missingNode();
        }
        return new Reply(response.statusCode(), body);
    }
}
