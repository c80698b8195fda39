package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private final Properties system = new Properties();

    LaunchOptionsTest() {
        system.setProperty(LaunchOptions.HOME_PROPERTY, "/repo");
    }

    @Test
    void without_options_the_data_lives_in_dot_data_of_the_repository_with_three_partitions() {
        LaunchOptions options = LaunchOptions.parse(List.of(), Map.of(), system);

        assertThat(options.home()).isEqualTo(Path.of("/repo"));
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/repo/.data"));
        assertThat(options.partitions()).isEqualTo(3);
        assertThat(options.fresh()).isFalse();
        assertThat(options.commandStarted()).isEmpty();
        assertThat(options.layout()).isEqualTo(new StackLayout(1, 1, 0));
        assertThat(options.postgres()).isEmpty();
    }

    @Test
    void brokers_instances_ports_and_postgres_shape_the_stack() {
        LaunchOptions options = LaunchOptions.parse(List.of("--brokers", "3", "--instances=2", "--port-offset", "10000",
                "--postgres", "127.0.0.1:54321"), Map.of(), system);

        assertThat(options.layout()).isEqualTo(new StackLayout(3, 2, 10000));
        assertThat(options.postgres()).contains("127.0.0.1:54321");
    }

    @Test
    void the_services_jvm_options_come_from_CONCORD_JVM_OPTS_or_jvm_opts_and_default_to_the_measured_choice() {
        assertThat(LaunchOptions.parse(List.of(), Map.of(), system).serviceJvm()).isEqualTo(ChildProcess.SERVICE_JVM);
        assertThat(LaunchOptions.parse(List.of(), Map.of("CONCORD_JVM_OPTS", " -XX:+UseSerialGC  -Xmx512m "), system).serviceJvm())
                .containsExactly("-XX:+UseSerialGC", "-Xmx512m");
        assertThat(LaunchOptions.parse(List.of("--jvm-opts", "-XX:StartFlightRecording=filename={name}.jfr"),
                Map.of("CONCORD_JVM_OPTS", "-Xmx512m"), system).serviceJvm())
                .containsExactly("-XX:StartFlightRecording=filename={name}.jfr");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--jvm-opts", "Xmx512m"), Map.of(), system))
                .hasMessageContaining("--jvm-opts takes JVM options separated by spaces");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of(), Map.of("CONCORD_JVM_OPTS", "-jar x.jar"), system))
                .hasMessageContaining("CONCORD_JVM_OPTS takes JVM options");
    }

    @Test
    void CONCORD_PORT_OFFSET_moves_the_ports_and_the_option_wins_over_it() {
        assertThat(LaunchOptions.parse(List.of(), Map.of("CONCORD_PORT_OFFSET", "500"), system).portOffset()).isEqualTo(500);
        assertThat(LaunchOptions.parse(List.of("--port-offset", "7"), Map.of("CONCORD_PORT_OFFSET", "500"), system).portOffset())
                .isEqualTo(7);
    }

    @Test
    void shapes_that_cannot_work_are_refused_with_the_reason() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--brokers", "2"), Map.of(), system))
                .hasMessageContaining("--brokers must be 1 or 3, not '2' (a KRaft quorum of two survives no failure)");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--instances", "9"), Map.of(), system))
                .hasMessage("--instances must be a whole number from 1 to 3, not '9'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--port-offset", "60000"), Map.of(), system))
                .hasMessageContaining("the port offset must be a whole number from 0 to 56438");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of(), Map.of("CONCORD_PORT_OFFSET", "x"), system))
                .hasMessageContaining("CONCORD_PORT_OFFSET=x");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--postgres", "jdbc:postgresql://x/y"), Map.of(), system))
                .hasMessageContaining("--postgres takes host:port");
    }

    @Test
    void CONCORD_DATA_DIR_moves_the_data() {
        assertThat(LaunchOptions.parse(List.of(), Map.of("CONCORD_DATA_DIR", "/var/tmp/c"), system).dataDirectory())
                .isEqualTo(Path.of("/var/tmp/c"));
        assertThat(LaunchOptions.parse(List.of(), Map.of("CONCORD_DATA_DIR", "mine/../data"), system).dataDirectory())
                .isEqualTo(Path.of("/repo/data"));
    }

    @Test
    void partitions_and_fresh_are_read_in_either_spelling() {
        assertThat(LaunchOptions.parse(List.of("--partitions", "6", "--fresh"), Map.of(), system))
                .extracting(LaunchOptions::partitions, LaunchOptions::fresh)
                .containsExactly(6, true);
        assertThat(LaunchOptions.parse(List.of("--partitions=1"), Map.of(), system).partitions()).isEqualTo(1);
    }

    @Test
    void a_bad_option_is_a_usage_error_in_one_sentence() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--partitions", "zero"), Map.of(), system))
                .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.exitCode()).isEqualTo(LaunchException.USAGE))
                .hasMessage("--partitions must be a whole number from 1 to 100, not 'zero'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--partitions"), Map.of(), system))
                .hasMessageContaining("--partitions needs a value, e.g. --partitions 3");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--partitions=0"), Map.of(), system))
                .hasMessageContaining("from 1 to 100");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--frsh"), Map.of(), system))
                .hasMessage("unknown option '--frsh' (see ./concord help)");
    }

    @Test
    void the_command_start_comes_from_bash_EPOCHREALTIME_in_any_locale_or_whole_seconds() {
        assertThat(LaunchOptions.commandStarted("1732857600.250000")).contains(Instant.ofEpochMilli(1732857600250L));
        assertThat(LaunchOptions.commandStarted("1732857600,250000")).contains(Instant.ofEpochMilli(1732857600250L));
        assertThat(LaunchOptions.commandStarted("1732857600")).contains(Instant.ofEpochSecond(1732857600L));
        assertThat(LaunchOptions.commandStarted("")).isEmpty();
        assertThat(LaunchOptions.commandStarted("soon")).isEmpty();
    }
}
