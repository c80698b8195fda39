package org.concord.platform.security;

import static org.hamcrest.Matchers.containsString;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.concord.platform.PlatformTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may do what: the platform's rules every service shares, checked on a running service. */
@PlatformTest
@ConcordIntegrationTest
@AutoConfigureWebTestClient
class SecurityTest {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    /** A client without the admin token test support gives every test context's client. */
    private WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("concord.security.enabled", () -> "true");
    }

    static Stream<Arguments> forgedTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) Tokens.Forged::expired),
                Arguments.of("without exp", (Supplier<String>) Tokens.Forged::withoutExpiry),
                Arguments.of("signed with another key", (Supplier<String>) Tokens.Forged::signedWithAnotherKey),
                Arguments.of("alg none", (Supplier<String>) Tokens.Forged::unsigned),
                Arguments.of("HS256 with the public key", (Supplier<String>) Tokens.Forged::withHmacAlgorithm),
                Arguments.of("wrong issuer", (Supplier<String>) Tokens.Forged::fromAnotherIssuer),
                Arguments.of("wrong audience", (Supplier<String>) Tokens.Forged::forAnotherAudience),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-token"));
    }

    @Test
    void a_request_without_a_token_is_unauthorized() {
        anonymous().get().uri("/api/things/1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void a_forged_token_is_unauthorized(String forgery, Supplier<String> token) {
        web.get().uri("/api/things/1").headers(h -> h.setBearerAuth(token.get())).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void any_valid_token_reads() {
        for (String token : new String[] { Tokens.viewer(), Tokens.signatory("CN-SC"), Tokens.admin() }) {
            web.get().uri("/api/things/1").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
    }

    @Test
    void a_viewer_cannot_change_anything() {
        web.post().uri("/test/things").headers(h -> h.setBearerAuth(Tokens.viewer()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\"}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(containsString("POST /test/things"));
    }

    @Test
    void an_admin_changes_what_the_service_reserves_for_admins() {
        web.post().uri("/test/things").headers(h -> h.setBearerAuth(Tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\"}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void the_services_own_rules_decide_who_signs() {
        web.post().uri("/api/things/1/signatures").headers(h -> h.setBearerAuth(Tokens.signatory("CN-SC"))).exchange()
                .expectStatus().isOk();
        web.post().uri("/api/things/1/signatures").headers(h -> h.setBearerAuth(Tokens.viewer())).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/things/1/signatures").headers(h -> h.setBearerAuth(Tokens.admin())).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void health_is_public_and_other_actuator_endpoints_need_admin() {
        anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
        anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        anonymous().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(Tokens.viewer())).exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(Tokens.admin())).exchange().expectStatus().isOk();
    }

    @Test
    void the_api_documentation_is_public() {
        anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isOk();
    }
}
