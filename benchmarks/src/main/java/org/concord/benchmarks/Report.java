package org.concord.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The benchmark's printed lines: one block per run, the primitives beside it, the sweep's answer. */
final class Report {

    private Report() {
    }

    static String millis(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String of(RunResult run, Optional<Primitives.Rates> primitives) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "rate %s/s for %d s after a %d s warm-up (not counted)%s",
                number(run.rate()), run.durationSeconds(), run.warmUpSeconds(),
                run.failingEndpoints() > 0 ? ", with " + run.failingEndpoints() + " failing webhook endpoints" : ""));
        lines.add(String.format(Locale.ROOT, "  signatures     %d sent in the measured period, %d answered 2xx, achieved %s/s; answers %s; %d failed or unanswered",
                run.load().measuredSent(), run.load().measuredAcknowledged(), number(run.achievedRate()),
                run.load().statuses(), run.load().failures()));
        lines.add("  HTTP           " + run.load().http().summary() + "   (from the intended send time)");
        lines.add("  sign→webhook   " + run.webhooks().signToWebhook().summary());
        lines.add(String.format(Locale.ROOT, "  exactly once   %d 2xx signatures, %d webhooks in, lost %d (none within the drain period), doubled %d, bad signatures %d%s",
                run.webhooks().acknowledged(), run.webhooks().delivered(), run.webhooks().lost(), run.webhooks().doubled(),
                run.badSignatures(), run.webhooks().arrivedWithout2xx() > 0
                        ? "; " + run.webhooks().arrivedWithout2xx() + " arrived for signatures answered otherwise" : ""));
        lines.add("  CPU/signature  " + cpu(run));
        lines.add("  RSS            " + rss(run.rssMebibytes()));
        lines.add(String.format(Locale.ROOT, "  backlog        at the end of the load (gauges up to 10 s old): %s; after draining (gauges refreshed since): %s; drained %s",
                backlog(run.backlogAtEnd()), backlog(run.backlogAfterDrain()),
                run.drainSeconds() < 0 ? "NOT (webhooks still missing)" : "in " + seconds(run.drainSeconds()) + " after the last signature was due"));
        primitives.ifPresent(rates -> lines.add(primitiveLine(run.achievedRate(), rates)));
        lines.add("  objectives     " + objectives(run));
        return String.join("\n", lines);
    }

    /** The sweep's answer: the highest rate sustained, and the highest within the latency objectives. */
    static String sweep(List<RunResult> runs) {
        String sustained = runs.stream().filter(RunResult::sustained).mapToDouble(RunResult::rate).max()
                .stream().mapToObj(rate -> number(rate) + "/s").findFirst().orElse("none of the rates tried");
        String latency = runs.stream().filter(RunResult::withinLatencyObjectives).mapToDouble(RunResult::rate).max()
                .stream().mapToObj(rate -> number(rate) + "/s").findFirst().orElse("none of the rates tried");
        List<String> lines = new ArrayList<>();
        lines.add("sweep: highest rate held for " + runs.get(0).durationSeconds() + " s without backlog growth: " + sustained
                + "; within HTTP p99 ≤ " + millis(RunResult.HTTP_P99_MILLIS) + " ms and sign→webhook p99 ≤ "
                + millis(RunResult.WEBHOOK_P99_MILLIS) + " ms: " + latency);
        lines.add("  RATE   ACHIEVED  HTTP p50/p99 ms   WEBHOOK p50/p99 ms  CPU ms/sig  LOST  DOUBLED  DRAINED  SUSTAINED  LATENCY OK");
        for (RunResult run : runs) {
            lines.add(String.format(Locale.ROOT, "  %-6s %-9s %-17s %-19s %-11s %-5d %-8d %-8s %-10s %s", number(run.rate()),
                    number(run.achievedRate()), millis(run.load().http().percentileMillis(50)) + " / "
                            + millis(run.load().http().percentileMillis(99)),
                    millis(run.webhooks().signToWebhook().percentileMillis(50)) + " / "
                            + millis(run.webhooks().signToWebhook().percentileMillis(99)),
                    millis(run.servicesCpuPerSignature()), run.webhooks().lost(), run.webhooks().doubled(),
                    run.drainSeconds() < 0 ? "no" : seconds(run.drainSeconds()), yes(run.sustained()),
                    yes(run.withinLatencyObjectives())));
        }
        return String.join("\n", lines);
    }

    static String primitiveLine(double signaturesPerSecond, Primitives.Rates rates) {
        return String.format(Locale.ROOT, "  primitives     %s: %s transactions/s (%d clients), system at %s of it; broker: %s records/s (1 KB, acks=all), system at %s of it",
                rates.databaseKind(), number(rates.databaseTransactions()), Primitives.CLIENTS,
                percent(signaturesPerSecond / rates.databaseTransactions()), number(rates.brokerRecords()),
                percent(signaturesPerSecond / rates.brokerRecords()));
    }

    static String objectives(RunResult run) {
        return String.format(Locale.ROOT, "correct %s; sustained (no backlog growth) %s; HTTP p99 ≤ %s ms and sign→webhook p99 ≤ %s ms %s; CPU ≤ %s ms/signature %s",
                yes(run.correct()), yes(run.sustained()), millis(RunResult.HTTP_P99_MILLIS), millis(RunResult.WEBHOOK_P99_MILLIS),
                yes(run.withinLatencyObjectives()), millis(RunResult.CPU_PER_SIGNATURE_MILLIS),
                yes(run.servicesCpuPerSignature() <= RunResult.CPU_PER_SIGNATURE_MILLIS));
    }

    private static String cpu(RunResult run) {
        StringBuilder text = new StringBuilder();
        for (String process : run.cpuMillis().keySet()) {
            text.append(String.format(Locale.ROOT, "%s %s ms  ", process, millis(run.cpuPerSignature(process))));
        }
        return text + String.format(Locale.ROOT, "| services summed %s ms", millis(run.servicesCpuPerSignature()));
    }

    private static String rss(Map<String, Long> rss) {
        StringBuilder text = new StringBuilder();
        rss.forEach((process, mib) -> text.append(process).append(' ').append(mib).append(" MiB  "));
        return text.toString().trim();
    }

    private static String backlog(Backlog backlog) {
        return String.format(Locale.ROOT, "outbox %s rows, consumer lag %s records, %s deliveries queued, %d webhooks outstanding",
                number(backlog.outboxRows()), number(backlog.consumerLag()), number(backlog.deliveriesQueued()),
                backlog.webhooksOutstanding());
    }

    static String number(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String yes(boolean held) {
        return held ? "yes" : "NO";
    }
}
