package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void without_options_it_signs_100_a_second_for_60_s_after_20_s_of_warm_up() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of());

        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.durationSeconds()).isEqualTo(60);
        assertThat(options.warmUpSeconds()).isEqualTo(20);
        assertThat(options.sweep()).isFalse();
        assertThat(options.primitives()).isTrue();
    }

    @Test
    void a_sweep_with_failing_endpoints_reads_its_options() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--sweep", "--from", "100", "--step", "25",
                "--failing-endpoints", "5", "--no-primitives"));

        assertThat(options.sweep()).isTrue();
        assertThat(options.from()).isEqualTo(100);
        assertThat(options.step()).isEqualTo(25);
        assertThat(options.failingEndpoints()).isEqualTo(5);
        assertThat(options.primitives()).isFalse();
    }

    @Test
    void a_wrong_option_says_how_to_call_it() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--rat", "5"))).hasMessageContaining("unknown option '--rat'")
                .hasMessageContaining("./concord bench");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--rate", "0"))).hasMessageContaining("above 0");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--rate"))).hasMessageContaining("needs a value");
    }
}
