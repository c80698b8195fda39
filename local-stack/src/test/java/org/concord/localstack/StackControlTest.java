package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackControlTest {

    private final List<String> names = new StackLayout(3, 2, 0).processNames();

    @Test
    void a_process_is_named_exactly_or_by_its_service_short_or_long() {
        assertThat(StackControl.resolve("agreements-service-2", names, true)).containsExactly("agreements-service-2");
        assertThat(StackControl.resolve("agreements", names, true)).containsExactly("agreements-service", "agreements-service-2");
        assertThat(StackControl.resolve("notifications-service", names, false)).containsExactly("notifications-service");
        assertThat(StackControl.resolve("kafka", names, true)).containsExactly("kafka-1", "kafka-2", "kafka-3");
        assertThat(StackControl.resolve("KAFKA-2", names, true)).containsExactly("kafka-2");
        assertThat(StackControl.resolve("gateway", names, true)).containsExactly("gateway");
        assertThatThrownBy(() -> StackControl.resolve("billing", names, true))
                .hasMessageStartingWith("no process 'billing' in this stack; known: kafka-1, kafka-2");
    }

    @Test
    void without_a_running_stack_status_says_so_and_stop_has_nothing_to_do(@TempDir Path data) {
        StackControl control = new StackControl(options(data));

        assertThat(control.status()).isEqualTo(3);
        assertThat(control.stop()).isEqualTo(0);
    }

    @Test
    void stop_ends_what_a_killed_launcher_left_running(@TempDir Path data) throws Exception {
        RunDirectory run = new RunDirectory(data);
        run.create();
        Properties stack = new Properties();
        stack.setProperty("brokers", "1");
        stack.setProperty("instances", "1");
        run.writeLauncher(Long.MAX_VALUE, stack);
        Process orphan = new ProcessBuilder("sleep", "300").start();
        run.writeProcess(new RunDirectory.ProcessState("agreements-service", orphan.pid(), RunDirectory.ProcessState.UP, 0,
                Instant.now(), null));
        Process gateway = new ProcessBuilder("sleep", "300").start();
        run.writeProcess(new RunDirectory.ProcessState("gateway", gateway.pid(), RunDirectory.ProcessState.UP, 0, Instant.now(), null));

        new StackControl(options(data)).stop();

        assertThat(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(run.exists()).isFalse();
    }

    @Test
    void durations_read_like_a_person_would_say_them() {
        assertThat(StackControl.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(StackControl.duration(Duration.ofSeconds(252))).isEqualTo("4 m 12 s");
        assertThat(StackControl.duration(Duration.ofMinutes(123))).isEqualTo("2 h 3 m");
    }

    private static LaunchOptions options(Path data) {
        Properties system = new Properties();
        system.setProperty(LaunchOptions.HOME_PROPERTY, "/repo");
        return LaunchOptions.parse(List.of(), Map.of(LaunchOptions.DATA_DIR_VARIABLE, data.toString()), system);
    }
}
