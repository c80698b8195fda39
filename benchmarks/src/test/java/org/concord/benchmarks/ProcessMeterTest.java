package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMeterTest {

    @Test
    void cpu_time_is_user_plus_system_ticks_even_when_the_name_holds_spaces_and_parentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 250 50 0 0 20 0 40 0 100 0 0";

        assertThat(ProcessMeter.cpuMillisOf(stat)).isEqualTo(3_000);
    }

    @Test
    void this_process_has_spent_cpu_and_holds_memory() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcessMeter.cpuMillis(pid)).hasValueSatisfying(millis -> assertThat(millis).isPositive());
        assertThat(ProcessMeter.rssMebibytes(pid)).hasValueSatisfying(mib -> assertThat(mib).isPositive());
    }
}
