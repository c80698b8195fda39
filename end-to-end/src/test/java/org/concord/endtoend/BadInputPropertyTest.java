package org.concord.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.concord.testsupport.security.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Bad input, generated over every operation of the three services' OpenAPI documents (read from the running
 * services): malformed and mistyped bodies, unknown properties, empty bodies, odd path and query values, oversized
 * headers and URIs, garbage preconditions and keys. Whatever comes in, the answer is never a 5xx, every error is an
 * {@code application/problem+json} whose status matches, and nothing in it names an internal class, package or
 * method.
 */
class BadInputPropertyTest {

    /** What a response must never contain: Java names, stack traces, framework internals. */
    static final Pattern LEAK = Pattern.compile(
            "org\\.concord|java\\.|jakarta\\.|reactor\\.|springframework|tools\\.jackson|com\\.fasterxml|Exception|\\w\\$\\w");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static ConcordSystem concord;
    private static List<ApiOperations.Operation> operations;

    /** One generated request. */
    record BadRequest(ApiOperations.Operation operation, String uri, Map<String, String> headers, String body) {

        @Override
        public String toString() {
            return operation.method() + " " + shortened(uri) + " headers=" + headers.keySet() + " body="
                    + (body == null ? "none" : shortened(body));
        }

        private static String shortened(String text) {
            return text.length() > 200 ? text.substring(0, 200) + "… (" + text.length() + " characters)" : text;
        }
    }

    @BeforeContainer
    static void startTheSystem() {
        concord = ConcordSystem.start(Map.of());
        operations = new ArrayList<>();
        for (RunningService service : List.of(concord.regions(), concord.agreements(), concord.notifications())) {
            JsonNode document = service.get("/v3/api-docs", Tokens.viewer()).body();
            ApiOperations.of(service.name(), document).operations().stream()
                    .filter(operation -> !operation.path().endsWith("/stream")) // an endless SSE stream: no answer to judge
                    .forEach(operations::add);
        }
        assertThat(operations).as("operations read from the OpenAPI documents").hasSizeGreaterThan(20);
    }

    @AfterContainer
    static void stopTheSystem() {
        if (concord != null) {
            concord.close();
        }
    }

    @Property(tries = 1500, seed = "20261130")
    void no_bad_input_gets_a_5xx_an_error_that_is_not_a_problem_or_a_leak(@ForAll("badRequests") BadRequest request)
            throws Exception {
        HttpResponse<String> response = send(request);

        int status = response.statusCode();
        assertThat(status).as("%s", request).isLessThan(500);
        String headers = response.headers().map().toString();
        assertThat(LEAK.matcher(headers).find()).as("headers of %s: %s", request, headers).isFalse();
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as("%s", request)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = RunningService.JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as("%s", request).isEqualTo(status);
            assertThat(LEAK.matcher(problem.path("detail").asString("") + problem.path("title").asString(""))
                    .find()).as("%s answered %s", request, response.body()).isFalse();
        }
    }

    @Provide
    Arbitrary<BadRequest> badRequests() {
        return Arbitraries.of(operations).flatMap(operation -> Arbitraries.oneOf(
                badPathAndQuery(operation), badBody(operation), badHeaders(operation), oversized(operation)));
    }

    private Arbitrary<BadRequest> badPathAndQuery(ApiOperations.Operation operation) {
        return Combinators.combine(oddValues(), oddValues()).as((pathValue, queryValue) ->
                new BadRequest(operation, uri(operation, pathValue, queryValue), adminHeaders(), plausibleBody(operation)));
    }

    private Arbitrary<BadRequest> badBody(ApiOperations.Operation operation) {
        return badBodies(operation).map(body -> new BadRequest(operation, uri(operation, "x", null), adminHeaders(), body));
    }

    private Arbitrary<BadRequest> badHeaders(ApiOperations.Operation operation) {
        return Arbitraries.of("If-Match", "Idempotency-Key", "Content-Type", "Accept", "Last-Event-ID", "Authorization")
                .flatMap(name -> oddValues().map(value -> {
                    Map<String, String> headers = adminHeaders();
                    headers.put(name, name.equals("Authorization") ? "Bearer " + value : value);
                    return new BadRequest(operation, uri(operation, "CN-GX", null), headers, plausibleBody(operation));
                }));
    }

    private Arbitrary<BadRequest> oversized(ApiOperations.Operation operation) {
        return Arbitraries.integers().between(20, 300).flatMap(kilobytes -> Arbitraries.of(true, false).map(header -> {
            Map<String, String> headers = adminHeaders();
            String padding = "x".repeat(kilobytes * 1024);
            if (header) {
                headers.put("X-Padding", padding);
                return new BadRequest(operation, uri(operation, "CN-GX", null), headers, plausibleBody(operation));
            }
            return new BadRequest(operation, uri(operation, "CN-GX", null) + "?q=" + padding, headers, plausibleBody(operation));
        }));
    }

    /** Values no parameter expects: empty, blank, control characters, path tricks, very long, numbers, unicode. */
    private static Arbitrary<String> oddValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "%00", "..", "%2e%2e", "%2F", "-1", "99999999999999999999", "1.5", "true",
                        "null", "[]", "{}", "CN-", "cn-gx", "%ZZ", "%", "\u4e2d\u6587", "\u00e9\u00e8", "*", "\"1\""),
                Arbitraries.strings().withChars("abcdefXYZ0123456789-_.~!*'();:@&=+,/?#[] \"<>\\^`{|}")
                        .ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().alpha().ofMinLength(300).ofMaxLength(3000));
    }

    /** Bodies that are not what the operation takes: malformed, empty, mistyped, unknown properties, nested. */
    private static Arbitrary<String> badBodies(ApiOperations.Operation operation) {
        Map<String, String> properties = operation.bodyProperties() == null ? Map.of() : operation.bodyProperties();
        List<Arbitrary<String>> choices = new ArrayList<>(List.of(
                Arbitraries.of("", "{", "}", "[]", "null", "42", "\"text\"", "{\"a\":", "{,}", "[[[[[[[[[[", "\u0000"),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.integers().between(1, 3000).map(depth -> "{\"x\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                        .map(name -> "{\"" + name + "\": 1}")));
        if (!properties.isEmpty()) {
            choices.add(mistypedValues().list().ofSize(properties.size()).map(values -> {
                Map<String, Object> body = new LinkedHashMap<>();
                int i = 0;
                for (String property : properties.keySet()) {
                    body.put(property, values.get(i++));
                }
                return RunningService.JSON.writeValueAsString(body);
            }));
        }
        return Arbitraries.oneOf(choices);
    }

    /** JSON values of every type, mostly the wrong one for whatever property they land in. */
    private static Arbitrary<Object> mistypedValues() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(n -> (Object) n),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.just((Object) List.of(1, "two", false)),
                Arbitraries.just((Object) Map.of("nested", Map.of("deeper", 1))),
                Arbitraries.just((Object) "x".repeat(6000)));
    }

    /** A body of the right JSON shape but nonsense content, so that other defects are the ones tested. */
    private static String plausibleBody(ApiOperations.Operation operation) {
        if (operation.bodyProperties() == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        operation.bodyProperties().forEach((name, type) -> body.put(name, switch (type) {
            case "string" -> "x";
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            default -> Map.of();
        }));
        return RunningService.JSON.writeValueAsString(body);
    }

    private static String uri(ApiOperations.Operation operation, String pathValue, String query) {
        String path = operation.path();
        for (ApiOperations.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", encodePathValue(pathValue));
            }
        }
        String base = service(operation).baseUrl() + path;
        if (query == null) {
            return base;
        }
        List<String> pairs = new ArrayList<>();
        operation.parameters().stream().filter(parameter -> parameter.in().equals("query"))
                .forEach(parameter -> pairs.add(parameter.name() + "=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        return pairs.isEmpty() ? base : base + "?" + String.join("&", pairs);
    }

    /** Percent-encodes a path value, but keeps the raw escapes the generator chose on purpose (%00, %2e, %ZZ...). */
    private static String encodePathValue(String value) {
        if (value.startsWith("%") || value.equals("..")) {
            return value;
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static RunningService service(ApiOperations.Operation operation) {
        return switch (operation.service()) {
            case "regions-service" -> concord.regions();
            case "agreements-service" -> concord.agreements();
            default -> concord.notifications();
        };
    }

    private static Map<String, String> adminHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + Tokens.admin());
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static HttpResponse<String> send(BadRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.uri())).timeout(Duration.ofSeconds(20));
        } catch (IllegalArgumentException e) {
            // a URI the client itself refuses to send: nothing reaches the service
            builder = HttpRequest.newBuilder(URI.create(service(request.operation()).baseUrl() + "/api/%25"));
        }
        for (var header : request.headers().entrySet()) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                builder.header(header.getKey(), "x"); // a value no HTTP client would send
            }
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return HTTP.send(builder.method(request.operation().method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
