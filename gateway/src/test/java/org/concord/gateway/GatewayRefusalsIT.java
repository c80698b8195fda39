package org.concord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.concord.gateway.support.GatewayProcess;
import org.concord.gateway.support.Http;
import org.concord.gateway.support.Http.Response;
import org.concord.gateway.support.TestSystem;
import org.concord.gateway.support.WithConcordSystem;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What the gateway refuses by itself: a client over its rate limit (429, while other clients go on), and requests
 * for a service that is not answering (503). Both as problem details with Retry-After.
 */
@WithConcordSystem
class GatewayRefusalsIT {

    private static final int BURST = 5;

    @Test
    void a_client_over_its_limit_gets_429_with_retry_after_while_other_clients_are_unaffected(TestSystem system) {
        // one request per 5 s after the first five: the limit is reached at once, and stays reached during the test
        try (GatewayProcess limited = GatewayProcess.start("gateway-rate-limited", system.services(), Map.of(
                "concord.gateway.rate-limit.burst", BURST, "concord.gateway.rate-limit.per-second", 0.2))) {
            Http gateway = new Http(limited.url());
            String yunnan = Tokens.signatory("CN-YN");
            for (int i = 1; i <= BURST; i++) {
                assertThat(gateway.get("/api/regions/CN-YN", yunnan).status()).as("request %s of %s", i, BURST).isEqualTo(200);
            }
            Response over = gateway.get("/api/regions/CN-YN", yunnan);
            assertThat(over.status()).as("%s", over).isEqualTo(429);
            assertThat(over.header("Content-Type")).startsWith("application/problem+json");
            assertThat(over.body().path("status").asInt()).isEqualTo(429);
            assertThat(over.body().path("title").asString()).isEqualTo("Too Many Requests");
            assertThat(over.body().path("detail").asString()).contains("rate limit").doesNotContain("org.");
            assertThat(Integer.parseInt(over.header("Retry-After"))).isBetween(1, 5);

            // another client, at the same moment: its own budget
            for (int i = 1; i <= BURST; i++) {
                assertThat(gateway.get("/api/regions/CN-SC", Tokens.viewer()).status()).as("viewer %s", i).isEqualTo(200);
            }
            // the same subject with another token (another jti) is the same client
            assertThat(gateway.get("/api/regions/CN-YN", Tokens.signatory("CN-YN")).status()).isEqualTo(429);
        }
    }

    @Test
    void a_token_that_does_not_verify_does_not_spend_the_budget_of_the_subject_it_names(TestSystem system) {
        try (GatewayProcess limited = GatewayProcess.start("gateway-forgery", system.services(), Map.of(
                "concord.gateway.rate-limit.burst", BURST, "concord.gateway.rate-limit.per-second", 0.2))) {
            Http gateway = new Http(limited.url());
            // forged tokens naming admin@test count as their sender's address, which runs out on its own
            for (int i = 1; i <= BURST; i++) {
                assertThat(gateway.get("/api/regions/CN-YN", Tokens.Forged.signedWithAnotherKey()).status())
                        .as("forged %s: refused by the service, not by the limit", i).isEqualTo(401);
            }
            assertThat(gateway.get("/api/regions/CN-YN", Tokens.Forged.signedWithAnotherKey()).status()).isEqualTo(429);
            assertThat(gateway.get("/api/regions/CN-YN", null).status()).as("no token: the same address").isEqualTo(429);
            // the real admin@test still has its whole budget
            for (int i = 1; i <= BURST; i++) {
                assertThat(gateway.get("/api/regions/CN-YN", Tokens.admin()).status()).as("admin %s", i).isEqualTo(200);
            }
        }
    }

    @Test
    void a_service_that_is_not_answering_is_a_503_naming_it(TestSystem system) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (GatewayProcess gatewayProcess = GatewayProcess.start("gateway-regions-down", system.services(), Map.of(
                "concord.gateway.services.regions-service.uri", "http://localhost:" + closedPort))) {
            Http gateway = new Http(gatewayProcess.url());
            Response down = gateway.get("/api/regions/CN-YN", Tokens.viewer());
            assertThat(down.status()).as("%s", down).isEqualTo(503);
            assertThat(down.header("Content-Type")).startsWith("application/problem+json");
            assertThat(down.body().path("detail").asString()).isEqualTo("regions-service is not answering; try again shortly");
            assertThat(down.header("Retry-After")).isEqualTo("5");
            // the others are unaffected
            assertThat(gateway.get("/api/agreements?size=1", Tokens.viewer()).status()).isEqualTo(200);
        }
    }
}
