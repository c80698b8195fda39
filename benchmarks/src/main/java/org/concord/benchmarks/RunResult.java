package org.concord.benchmarks;

import java.util.Map;

/**
 * One run at one rate: what the sender saw, what the webhook receiver found, what each process spent, and what was
 * left undone at the end.
 *
 * @param cpuMillis CPU time of each process from the start of the measured period until every webhook arrived
 * @param drainSeconds from the last signature's due time until the last 2xx signature's webhook arrived; negative
 *     when some had not arrived when the benchmark stopped waiting
 */
record RunResult(double rate, int warmUpSeconds, int durationSeconds, int failingEndpoints, SigningLoad.Outcome load,
        WebhookLedger.Verdict webhooks, long badSignatures, Map<String, Long> cpuMillis, Map<String, Long> rssMebibytes,
        Backlog backlogAtEnd, Backlog backlogAfterDrain, double drainSeconds) {

    /** The objectives of issue 14 at 150/s: signature HTTP p99 and sign-to-webhook p99. */
    static final double HTTP_P99_MILLIS = 50;
    static final double WEBHOOK_P99_MILLIS = 250;
    /** The pipeline kept up: every webhook in within this long after the load stopped. */
    static final double DRAIN_SECONDS = 10;
    static final double CPU_PER_SIGNATURE_MILLIS = 5;

    long non2xx() {
        return load.statuses().entrySet().stream().filter(entry -> entry.getKey() / 100 != 2)
                .mapToLong(Map.Entry::getValue).sum();
    }

    double achievedRate() {
        return load.measuredSeconds() <= 0 ? 0 : load.measuredAcknowledged() / load.measuredSeconds();
    }

    /** Nothing refused, failed, lost, doubled or badly signed. */
    boolean correct() {
        return non2xx() == 0 && load.failures() == 0 && webhooks.exactlyOnce() && badSignatures == 0;
    }

    /** Correct, the rate reached, and the pipeline not falling behind (no backlog growth). */
    boolean sustained() {
        return correct() && achievedRate() >= 0.95 * rate && drainSeconds >= 0 && drainSeconds <= DRAIN_SECONDS;
    }

    /** Sustained, and both latency objectives hold. */
    boolean withinLatencyObjectives() {
        return sustained() && load.http().percentileMillis(99) <= HTTP_P99_MILLIS
                && webhooks.signToWebhook().percentileMillis(99) <= WEBHOOK_P99_MILLIS;
    }

    /** CPU milliseconds per measured 2xx signature of one process. */
    double cpuPerSignature(String process) {
        long signatures = Math.max(1, load.measuredAcknowledged());
        return cpuMillis.getOrDefault(process, 0L) / (double) signatures;
    }

    /** Summed over the three services' processes (every instance; not Kafka, not the gateway, which signing skips). */
    double servicesCpuPerSignature() {
        return cpuMillis.keySet().stream().filter(RunResult::isService).mapToDouble(this::cpuPerSignature).sum();
    }

    static boolean isService(String process) {
        return Stack.SERVICES.stream().anyMatch(process::startsWith);
    }
}
