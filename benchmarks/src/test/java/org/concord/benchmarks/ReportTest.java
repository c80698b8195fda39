package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static final long MS = 1_000_000;

    @Test
    void a_run_within_every_objective_says_so_and_prints_its_figures() {
        RunResult run = run(150, 10 * MS, 100 * MS, 1.5);

        String report = Report.of(run, Optional.of(new Primitives.Rates(1500, "H2 file", 30000)));

        assertThat(run.sustained()).isTrue();
        assertThat(run.withinLatencyObjectives()).isTrue();
        assertThat(report).contains("rate 150/s for 60 s after a 20 s warm-up (not counted)")
                .contains("HTTP           p50 10.0  p99 10.0  max 10.0 ms (n 9000)")
                .contains("lost 0 (none within the drain period), doubled 0")
                .contains("agreements-service 2.0 ms")
                .contains("services summed 4.0 ms")
                .contains("outbox 0 rows, consumer lag 0 records, 0 deliveries queued, 0 webhooks outstanding")
                .contains("H2 file: 1500 transactions/s (8 clients), system at 10.0 % of it")
                .contains("broker: 30000 records/s (1 KB, acks=all), system at 0.5 % of it")
                .contains("correct yes; sustained (no backlog growth) yes; HTTP p99 ≤ 50.0 ms and sign→webhook p99 ≤ 250 ms yes; CPU ≤ 5.0 ms/signature yes");
    }

    @Test
    void a_slow_webhook_misses_the_latency_objective_and_a_late_drain_the_sustained_one() {
        assertThat(run(150, 10 * MS, 400 * MS, 1.5).withinLatencyObjectives()).isFalse();
        assertThat(run(150, 10 * MS, 100 * MS, 1.5).sustained()).isTrue();
        assertThat(run(150, 10 * MS, 100 * MS, 30).sustained()).isFalse();
        assertThat(run(150, 10 * MS, 100 * MS, -1).sustained()).isFalse();
    }

    @Test
    void the_sweep_names_the_highest_rate_sustained_and_the_highest_within_the_latency_objectives() {
        String sweep = Report.sweep(List.of(run(100, 10 * MS, 100 * MS, 1), run(150, 10 * MS, 400 * MS, 2),
                run(200, 10 * MS, 900 * MS, 60)));

        assertThat(sweep).startsWith("sweep: highest rate held for 60 s without backlog growth: 150/s; "
                + "within HTTP p99 ≤ 50.0 ms and sign→webhook p99 ≤ 250 ms: 100/s");
        assertThat(sweep.lines()).hasSize(5);
    }

    /** A run at {@code rate} whose every signature took {@code http} to answer and {@code webhook} to arrive. */
    private static RunResult run(double rate, long http, long webhook, double drained) {
        int signatures = (int) (rate * 60);
        Latencies latencies = new Latencies();
        WebhookLedger ledger = new WebhookLedger();
        for (int i = 0; i < signatures; i++) {
            latencies.record(0, http);
            ledger.sent("a" + i + "/CN-SC", 0, true);
            ledger.answered("a" + i + "/CN-SC", 200);
            ledger.arrived("a" + i + "/CN-SC", "e" + i, webhook);
        }
        var outcome = new SigningLoad.Outcome(Map.of(200, (long) signatures), 0, latencies, signatures, 60, signatures);
        long cpu = 2L * signatures;
        return new RunResult(rate, 20, 60, 0, outcome, ledger.verdict(), 0,
                Map.of("agreements-service", cpu, "notifications-service", cpu, "kafka", cpu, "gateway", cpu),
                Map.of("agreements-service", 300L), new Backlog(0, 0, 0, 0), new Backlog(0, 0, 0, 0), drained);
    }
}
