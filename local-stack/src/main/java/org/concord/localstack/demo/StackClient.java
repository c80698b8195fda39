package org.concord.localstack.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One service of the running local stack over HTTP: JSON in and out, a bearer token on every request, and the
 * developer told plainly when the service is not there.
 */
final class StackClient {

    /** A response: status, the JSON body as {@link Json} values (null when empty or not JSON), the ETag. */
    record Reply(int status, Object body, String text, Optional<String> etag) {

        boolean is(int expected) {
            return status == expected;
        }

        /** The problem detail of an error response, else the body as it came. */
        String problem() {
            String detail = Json.string(body, "detail");
            return status + (detail != null ? " " + detail : text.isBlank() ? "" : " " + text);
        }
    }

    static final String START_IT = "start it with ./concord up (in another terminal), wait until it prints that the "
            + "three services are UP, then run ./concord demo again";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final URI baseUrl;

    StackClient(String name, URI baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl;
    }

    String name() {
        return name;
    }

    URI url(String path) {
        return baseUrl.resolve(path);
    }

    /** Fails with what to do when the service is not running or not healthy. */
    void requireUp() {
        Reply health = send(HttpRequest.newBuilder(url("/actuator/health")).GET(), null);
        if (!health.is(200) || !"UP".equals(Json.string(health.body(), "status"))) {
            throw new DemoException(name + " is running but not healthy (" + url("/actuator/health") + " answered "
                    + health.status() + "); wait for ./concord up to report it UP, or read logs/" + name + ".log in the data directory");
        }
    }

    Reply get(String path, String token) {
        return send(HttpRequest.newBuilder(url(path)).GET(), token);
    }

    Reply post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)), token);
    }

    Reply put(String path, String token, String ifMatch, Object body) {
        return send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)), token);
    }

    Reply delete(String path, String token) {
        return send(HttpRequest.newBuilder(url(path)).DELETE(), token);
    }

    /**
     * The reply when it has the expected status; otherwise the demo stops saying what went wrong (401: the token
     * is not the stack's, which happens when the demo and the stack use different data directories).
     */
    Reply expect(int status, String what, Reply reply) {
        if (reply.is(status)) {
            return reply;
        }
        if (reply.is(401)) {
            throw new DemoException(name + " refused the demo's token (401) while it tried to " + what + ": the demo "
                    + "signs tokens with the key in the data directory, so run it with the same CONCORD_DATA_DIR as ./concord up");
        }
        throw new DemoException("could not " + what + ": " + name + " answered " + reply.problem());
    }

    private Reply send(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            return new Reply(response.statusCode(), parse(text), text, response.headers().firstValue("ETag"));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new DemoException(name + " is not answering on " + baseUrl + ": is the local stack running? " + START_IT, e);
        } catch (IOException e) {
            throw new DemoException(name + " did not answer on " + baseUrl + " (" + e + "); " + START_IT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }

    private static Object parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
