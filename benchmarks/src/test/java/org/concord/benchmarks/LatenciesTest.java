package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void percentiles_are_counted_from_the_intended_send_time_in_milliseconds() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 100; i++) {
            latencies.record(1_000 * MS, (1_000 + i) * MS);
        }

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isBetween(49.9, 50.1);
        assertThat(latencies.percentileMillis(99)).isBetween(98.9, 99.1);
        assertThat(latencies.maxMillis()).isBetween(99.9, 100.1);
        assertThat(latencies.summary()).isEqualTo("p50 50.0  p99 99.0  max 100 ms (n 100)");
    }

    @Test
    void a_request_sent_late_counts_its_wait_for_the_sender() {
        Latencies latencies = new Latencies();
        // due at 0, the sender stalled 300 ms, the service answered in 2 ms: the latency is 302 ms, not 2
        latencies.record(0, 302 * MS);

        assertThat(latencies.percentileMillis(50)).isBetween(301.0, 303.0);
    }

    @Test
    void nothing_recorded_reads_as_zero() {
        assertThat(new Latencies().percentileMillis(99)).isZero();
        assertThat(new Latencies().maxMillis()).isZero();
    }
}
