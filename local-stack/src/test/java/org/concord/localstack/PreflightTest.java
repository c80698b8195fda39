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
    void a_missing_jar_says_how_to_build_it(@TempDir Path home) throws IOException {
        assertThatThrownBy(() -> Preflight.requireJars(home, List.of(ServiceSpec.ALL.get(0))))
                .hasMessageStartingWith("local-stack/target/local-stack-exec.jar is missing");
        java.nio.file.Files.createDirectories(home.resolve("local-stack/target"));
        java.nio.file.Files.writeString(home.resolve(LocalStack.JAR), "");

        assertThatThrownBy(() -> Preflight.requireJars(home, List.of(ServiceSpec.ALL.get(0))))
                .hasMessageStartingWith("regions-service/target/regions-service-exec.jar is missing");
    }

    @Test
    void a_data_directory_whose_stack_still_runs_is_not_started_twice(@TempDir Path data) {
        RunDirectory run = new RunDirectory(data);
        run.create();
        java.util.Properties stack = new java.util.Properties();
        run.writeLauncher(ProcessHandle.current().pid(), stack);

        assertThatThrownBy(() -> Preflight.requireNotRunning(run))
                .hasMessageContaining("a local stack is already running from " + data)
                .hasMessageContaining("./concord stop stops it");
    }

    @Test
    void processes_a_killed_launcher_left_behind_are_named_with_the_way_to_stop_them(@TempDir Path data) {
        RunDirectory run = new RunDirectory(data);
        run.create();
        run.writeLauncher(Long.MAX_VALUE, new java.util.Properties());
        run.writeProcess(new RunDirectory.ProcessState("kafka", ProcessHandle.current().pid(), RunDirectory.ProcessState.UP, 0,
                java.time.Instant.now(), null));

        assertThatThrownBy(() -> Preflight.requireNotRunning(run))
                .hasMessageContaining("is gone")
                .hasMessageContaining("kafka pid " + ProcessHandle.current().pid())
                .hasMessageContaining("./concord stop stops them");
    }

    @Test
    void the_record_of_a_stack_that_is_gone_does_not_stop_a_new_one(@TempDir Path data) {
        RunDirectory run = new RunDirectory(data);
        run.create();
        run.writeLauncher(Long.MAX_VALUE, new java.util.Properties());

        assertThatCode(() -> Preflight.requireNotRunning(run)).doesNotThrowAnyException();
    }
}
