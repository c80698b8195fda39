package org.concord.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ManagementPortRequestsTest {

    private final Map<String, Object> ports = new HashMap<>();
    private final ManagementPort managementPort = new ManagementPort(environmentWith(ports));

    @Test
    void a_request_is_on_the_management_port_only_once_the_servers_have_started_on_two_ports() {
        assertThat(managementPort.received(requestOn(8090))).isFalse();

        ports.put("local.server.port", 8081);
        ports.put("local.management.port", 8090);

        assertThat(managementPort.received(requestOn(8090))).isTrue();
        assertThat(managementPort.received(requestOn(8081))).isFalse();
    }

    @Test
    void the_ports_are_read_once_they_are_known_and_not_for_every_request() {
        ports.put("local.server.port", 8081);
        ports.put("local.management.port", 8090);
        assertThat(managementPort.received(requestOn(8090))).isTrue();

        ports.put("local.management.port", 9999);

        assertThat(managementPort.received(requestOn(8090))).isTrue();
    }

    @Test
    void an_actuator_on_the_api_port_has_no_port_of_its_own() {
        ports.put("local.server.port", 8081);
        ports.put("local.management.port", 8081);

        assertThat(managementPort.received(requestOn(8081))).isFalse();
    }

    private static StandardEnvironment environmentWith(Map<String, Object> ports) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("ports", ports));
        return environment;
    }

    private static MockServerWebExchange requestOn(int port) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health")
                .localAddress(new InetSocketAddress("127.0.0.1", port)));
    }
}
