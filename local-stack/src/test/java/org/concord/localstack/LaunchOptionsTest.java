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
                .hasMessageContaining("--partitions needs a number");
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
