package org.concord.platform.observability;

import org.concord.platform.PlatformTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With a management port of its own (CONCORD_MANAGEMENT_PORT, as docker-compose.yml sets it), the actuator is there,
 * open to whoever reaches the port (Prometheus on the internal network), and gone from the API's port.
 */
@PlatformTest
@ConcordIntegrationTest
@TestPropertySource(properties = {"management.server.port=0", "concord.security.enabled=true"})
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private static WebTestClient anonymous(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void prometheus_scrapes_the_management_port_without_a_token() {
        anonymous(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(scrape -> org.assertj.core.api.Assertions.assertThat(scrape)
                        .contains("concord_outbox_backlog_rows", "concord_consumer_records_total"));
        anonymous(managementPort).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void the_apis_port_no_longer_serves_the_actuator_and_its_api_still_needs_a_token() {
        anonymous(port).get().uri("/actuator/prometheus").exchange().expectStatus().value(status ->
                org.assertj.core.api.Assertions.assertThat(status).isIn(401, 404));
        anonymous(port).get().uri("/api/things/1").exchange().expectStatus().isUnauthorized();
    }
}
