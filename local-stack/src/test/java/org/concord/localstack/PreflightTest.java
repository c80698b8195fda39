package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @Test
    void a_port_something_listens_on_is_reported_with_who_wanted_it() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Preflight.requirePortFree(taken.getLocalPort(), "Kafka broker"))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " (Kafka broker) is already in use");
        }
    }

    @Test
    void a_free_port_passes() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> Preflight.requirePortFree(port, "x")).doesNotThrowAnyException();
    }

    @Test
    void a_missing_jar_says_how_to_build_it(@TempDir Path home) {
        assertThatThrownBy(() -> Preflight.requireJars(home, List.of(ServiceSpec.ALL.get(0))))
                .hasMessageStartingWith("regions-service/target/regions-service-exec.jar is missing");
    }
}
