package org.concord.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call which endpoint, written as a table and checked against a running service: every endpoint is
 * called without a token, with forged tokens and with each role's token, and must answer 401, 403 or get past security
 * accordingly. Getting past security means any status but 401 and 403: a matrix call may well be refused by
 * the domain (404 for an unknown id, 400 for an empty body), which keeps it free of side effects.
 */
public final class AccessMatrix {

    /** Who can call an endpoint. */
    public enum Rule {
        /** No token needed. */
        PUBLIC,
        /** Any valid token. */
        READ,
        /** Only admins. */
        ADMIN,
        /** Only signatories (which region they may act for is the service's own check). */
        SIGNATORY,
        /** Admins and signatories (which region a signatory may act for is the service's own check). */
        ADMIN_OR_SIGNATORY
    }

    /** A caller of the matrix: no token, a forged one, or a valid token of each role. */
    public enum Caller {
        NO_TOKEN(() -> null),
        EXPIRED_TOKEN(Tokens.Forged::expired),
        UNSIGNED_TOKEN(Tokens.Forged::unsigned),
        TOKEN_SIGNED_WITH_ANOTHER_KEY(Tokens.Forged::signedWithAnotherKey),
        TOKEN_FROM_ANOTHER_ISSUER(Tokens.Forged::fromAnotherIssuer),
        VIEWER(Tokens::viewer),
        SIGNATORY(() -> Tokens.signatory("CN-SC")),
        ADMIN(Tokens::admin);

        private final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }

        boolean forged() {
            return this == EXPIRED_TOKEN || this == UNSIGNED_TOKEN || this == TOKEN_SIGNED_WITH_ANOTHER_KEY
                    || this == TOKEN_FROM_ANOTHER_ISSUER;
        }
    }

    public record Endpoint(HttpMethod method, String path, String body, Rule rule) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One cell of the matrix: an endpoint called by one caller. */
    public record Case(Endpoint endpoint, Caller caller) {

        public int expectedStatus() {
            if (caller.forged()) {
                return 401; // a token that fails verification is refused even where none is needed (RFC 6750)
            }
            if (endpoint.rule() == Rule.PUBLIC) {
                return 0;
            }
            if (caller == Caller.NO_TOKEN) {
                return 401;
            }
            return switch (endpoint.rule()) {
                case READ, PUBLIC -> 0;
                case ADMIN -> caller == Caller.ADMIN ? 0 : 403;
                case SIGNATORY -> caller == Caller.SIGNATORY ? 0 : 403;
                case ADMIN_OR_SIGNATORY -> caller == Caller.ADMIN || caller == Caller.SIGNATORY ? 0 : 403;
            };
        }

        /** Calls the endpoint on the service at {@code port} and checks the answer. */
        public void check(int port) {
            WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            var request = client.method(endpoint.method()).uri(endpoint.path());
            String token = caller.token.get();
            if (token != null) {
                request.headers(headers -> headers.setBearerAuth(token));
            }
            if (endpoint.body() != null) {
                request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body());
            }
            int status = request.exchange().returnResult(Void.class).getStatus().value();
            int expected = expectedStatus();
            if (expected == 0) {
                assertThat(status).as("%s by %s gets past security", endpoint, caller).isNotIn(401, 403);
            } else {
                assertThat(status).as("%s by %s", endpoint, caller).isEqualTo(expected);
            }
        }

        @Override
        public String toString() {
            return endpoint + " by " + caller + " → " + (expectedStatus() == 0 ? "allowed" : expectedStatus());
        }
    }

    private final List<Endpoint> endpoints = new ArrayList<>();

    public static AccessMatrix of() {
        return new AccessMatrix();
    }

    /** A service's rows plus the platform's operator endpoints every service has: its dead letters, admin only. */
    public static AccessMatrix withPlatformEndpoints() {
        String record = "/api/admin/dead-letters/no-such-topic/0/0";
        return of().endpoint(HttpMethod.GET, "/api/admin/dead-letters", Rule.ADMIN)
                .endpoint(HttpMethod.GET, record, Rule.ADMIN)
                .endpoint(HttpMethod.POST, record + "/replay", Rule.ADMIN);
    }

    public AccessMatrix endpoint(HttpMethod method, String path, Rule rule) {
        return endpoint(method, path, null, rule);
    }

    public AccessMatrix endpoint(HttpMethod method, String path, String body, Rule rule) {
        endpoints.add(new Endpoint(method, path, body, rule));
        return this;
    }

    /**
     * Fails unless the service's OpenAPI document (its committed one) says what this matrix checks: every operation
     * in it has a row here, and each row's rule is the role its operation's security requirement names (none: any
     * valid token). So the documented roles are the enforced ones.
     */
    public void assertDocumentedIn(JsonNode document) {
        List<String> operations = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String operation = method.getKey().toUpperCase() + " " + path.getKey();
            operations.add(operation);
            List<String> documented = new ArrayList<>();
            method.getValue().path("security").path(0).path("bearer").forEach(role -> documented.add(role.asString()));
            boolean open = method.getValue().path("security").isArray() && method.getValue().path("security").isEmpty();
            endpoints.stream().filter(endpoint -> matches(endpoint, method.getKey(), path.getKey())).forEach(endpoint -> {
                if (open != (endpoint.rule() == Rule.PUBLIC)) {
                    wrong.add(operation + " is documented as " + (open ? "public (@Public)" : "needing a token")
                            + ", the matrix checks " + endpoint.rule());
                } else if (!documented.equals(roles(endpoint.rule()))) {
                    wrong.add(operation + " is documented for " + (documented.isEmpty() ? "any valid token" : documented)
                            + ", the matrix checks " + endpoint.rule());
                }
            });
            if (endpoints.stream().noneMatch(endpoint -> matches(endpoint, method.getKey(), path.getKey()))) {
                wrong.add(operation + " is in the document but not in the access matrix: add a row for it");
            }
        }));
        assertThat(operations).as("operations of the document").isNotEmpty();
        assertThat(wrong).as("roles documented (@NeedsRole on the controller method) against the access matrix").isEmpty();
    }

    private static boolean matches(Endpoint endpoint, String method, String template) {
        String path = endpoint.path().contains("?") ? endpoint.path().substring(0, endpoint.path().indexOf('?')) : endpoint.path();
        return endpoint.method().name().equalsIgnoreCase(method)
                && path.matches(template.replaceAll("\\{[^/]+\\}", "[^/]+"));
    }

    private static List<String> roles(Rule rule) {
        return switch (rule) {
            case ADMIN -> List.of("admin");
            case SIGNATORY -> List.of("signatory");
            case ADMIN_OR_SIGNATORY -> List.of("admin", "signatory");
            case READ, PUBLIC -> List.of();
        };
    }

    /** Every endpoint with every caller, plus the actuator rules all services share. */
    public Stream<Case> cases() {
        List<Endpoint> all = new ArrayList<>(endpoints);
        all.add(new Endpoint(HttpMethod.GET, "/actuator/health", null, Rule.PUBLIC));
        all.add(new Endpoint(HttpMethod.GET, "/actuator/health/readiness", null, Rule.PUBLIC));
        all.add(new Endpoint(HttpMethod.GET, "/actuator/metrics", null, Rule.ADMIN));
        all.add(new Endpoint(HttpMethod.GET, "/v3/api-docs", null, Rule.PUBLIC));
        return all.stream().flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> new Case(endpoint, caller)));
    }
}
