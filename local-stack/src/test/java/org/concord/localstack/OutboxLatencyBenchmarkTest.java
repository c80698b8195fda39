package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class OutboxLatencyBenchmarkTest {

    private final List<Long> hundred = LongStream.rangeClosed(1, 100).map(n -> n * 1000).boxed().toList();

    @Test
    void percentiles_use_the_nearest_rank() {
        assertThat(OutboxLatencyBenchmark.percentile(hundred, 50)).isEqualTo(50.0);
        assertThat(OutboxLatencyBenchmark.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(OutboxLatencyBenchmark.percentile(List.of(7000L), 90)).isEqualTo(7.0);
    }

    @Test
    void the_report_names_count_and_percentiles_in_milliseconds() {
        assertThat(OutboxLatencyBenchmark.report(hundred))
                .isEqualTo("change-to-topic latency over 100 agreements.v1 events (ms): p50 50.0  p90 90.0  p99 99.0  max 100.0");
    }
}
