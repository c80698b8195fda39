package org.concord.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.localstack.LaunchOptions;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./concord bench}: signs twelve-party agreements on the running local stack at a fixed arrival rate (or a
 * sweep of rates), and prints per run the signature's HTTP latency and its sign-to-webhook latency (from the
 * intended send time), whether every 2xx signature reached the benchmark's own webhook receiver exactly once, the CPU
 * each process spent per signature, its memory, the backlog left at the end, and the primitives underneath (the
 * database's signature-shaped transactions and the broker's records a second) beside them. Exits 1 when a signature
 * was lost, doubled or badly signed, 2 when it could not run. Method and results: benchmarks/README.md.
 */
public final class SigningBenchmark {

    private static final Duration PREPARED_PATIENCE = Duration.ofSeconds(180);
    /** The services refresh their backlog gauges every 10 s: read this much later, they show the drained state. */
    static final Duration GAUGES_FRESH_AFTER = Duration.ofSeconds(11);

    private final Stack stack;
    private final BenchmarkOptions options;

    private SigningBenchmark(Stack stack, BenchmarkOptions options) {
        this.stack = stack;
        this.options = options;
    }

    public static void main(String[] args) {
        int exit;
        try {
            BenchmarkOptions options = BenchmarkOptions.parse(List.of(args));
            Path data = LaunchOptions.parse(List.of(), System.getenv(), System.getProperties()).dataDirectory();
            exit = new SigningBenchmark(Stack.running(data), options).run();
        } catch (BenchmarkException e) {
            System.err.println("bench: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    private int run() {
        header();
        Optional<Primitives.Rates> primitives = Optional.empty();
        if (options.primitives()) {
            say("measuring the primitives (5 s each) ...");
            primitives = Optional.of(Primitives.measure(stack, Duration.ofSeconds(5)));
        }
        List<RunResult> results = new ArrayList<>();
        if (!options.sweep()) {
            results.add(once(options.rate(), options.warmUpSeconds(), options.durationSeconds()));
            System.out.println(Report.of(results.get(0), primitives));
        } else {
            int warmUp = options.warmUpSeconds();
            for (double rate = options.from(); rate <= options.to(); rate += options.step()) {
                RunResult result = once(rate, warmUp, options.durationSeconds());
                results.add(result);
                System.out.println(Report.of(result, primitives));
                warmUp = Math.min(warmUp, 10);
                if (!result.sustained()) {
                    break;
                }
            }
            System.out.println(Report.sweep(results));
        }
        return results.stream().allMatch(result -> result.webhooks().exactlyOnce() && result.badSignatures() == 0) ? 0 : 1;
    }

    private void header() {
        say("local stack: " + stack.databaseDescription() + "; " + Runtime.getRuntime().availableProcessors()
                + " processors; load average " + loadAverage() + "; " + Instant.now());
        stack.pids().forEach((process, pid) -> say("  " + process + " (pid " + pid + ") JVM options: "
                + String.join(" ", ProcessMeter.jvmOptions(pid))));
        say("  benchmark JVM options: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    private RunResult once(double rate, int warmUpSeconds, int durationSeconds) {
        int total = (int) Math.ceil(rate * (warmUpSeconds + durationSeconds));
        WebhookLedger ledger = new WebhookLedger();
        List<WebhookSink> sinks = new ArrayList<>();
        Map<String, WebhookSink> subscriptions = new LinkedHashMap<>();
        try {
            WebhookSink healthy = WebhookSink.healthy(ledger);
            sinks.add(healthy);
            for (int i = 0; i < options.failingEndpoints(); i++) {
                sinks.add(WebhookSink.failing(i % 2 == 0 ? WebhookSink.Behaviour.ANSWERS_500 : WebhookSink.Behaviour.HANGS));
            }
            for (WebhookSink sink : sinks) {
                subscriptions.put(subscribe(sink), sink);
            }
            SigningLoad load = new SigningLoad(stack);
            say(String.format("rate %s/s: drafting and opening %d agreements for %d signatures ...", Report.number(rate),
                    (total + 11) / 12, total));
            List<SigningLoad.Signature> signatures = load.prepare(total);
            awaitPrepared(healthy, signatures.size());
            say("signing ...");
            Map<String, Long> cpuAtStart = new LinkedHashMap<>();
            SigningLoad.Outcome outcome = load.run(signatures, rate, Duration.ofSeconds(warmUpSeconds), ledger,
                    () -> cpuAtStart.putAll(cpu()));
            long loadEnded = System.nanoTime();
            Backlog atEnd = backlog(ledger);
            double drained = drain(ledger, loadEnded);
            Map<String, Long> cpuAtEnd = cpu();
            sleep(GAUGES_FRESH_AFTER);
            Backlog afterDrain = backlog(ledger);
            Map<String, Long> spent = new LinkedHashMap<>();
            cpuAtEnd.forEach((process, millis) -> spent.put(process, millis - cpuAtStart.getOrDefault(process, millis)));
            return new RunResult(rate, warmUpSeconds, durationSeconds, options.failingEndpoints(), outcome, ledger.verdict(),
                    healthy.badSignatures(), spent, rss(), atEnd, afterDrain, drained);
        } finally {
            subscriptions.keySet().forEach(this::unsubscribe);
            sinks.forEach(WebhookSink::close);
        }
    }

    private String subscribe(WebhookSink sink) {
        JsonNode created = stack.call("POST", "notifications-service", "/api/subscriptions", stack.admin(), Map.of(
                "url", sink.url(), "eventTypes", List.of("concord.agreement.*"), "regions", List.of()), 201);
        sink.secret(created.path("secret").asString());
        return created.path("id").asString();
    }

    private void unsubscribe(String id) {
        try {
            stack.call("DELETE", "notifications-service", "/api/subscriptions/" + id, stack.admin(), null, 204);
        } catch (BenchmarkException e) {
            say("could not delete subscription " + id + ": " + e.getMessage());
        }
    }

    /** Drafting and opening sent two webhooks per agreement: once they are in, the pipeline is idle again. */
    private void awaitPrepared(WebhookSink healthy, int signatures) {
        long expected = 2L * ((signatures + 11) / 12);
        long deadline = System.nanoTime() + PREPARED_PATIENCE.toNanos();
        while (healthy.requests() < expected && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
        }
        if (healthy.requests() < expected) {
            say("the preparation's webhooks are not all in after " + PREPARED_PATIENCE.toSeconds() + " s (" + healthy.requests()
                    + " of " + expected + "); signing anyway");
        }
        sleep(Duration.ofSeconds(2));
    }

    /** Waits until every 2xx signature's webhook is in; seconds since the load ended, or -1 when some never came. */
    private double drain(WebhookLedger ledger, long loadEnded) {
        long deadline = loadEnded + Duration.ofSeconds(options.drainSeconds()).toNanos();
        while (ledger.outstanding() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        return ledger.outstanding() > 0 ? -1 : (System.nanoTime() - loadEnded) / 1e9;
    }

    private Backlog backlog(WebhookLedger ledger) {
        List<String> scrapes = new ArrayList<>();
        for (String service : Stack.SERVICES) {
            stack.scrape(service).ifPresent(scrapes::add);
        }
        return Backlog.of(scrapes, ledger.outstanding());
    }

    private Map<String, Long> cpu() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        stack.pids().forEach((process, pid) -> ProcessMeter.cpuMillis(pid).ifPresent(millis -> cpu.put(process, millis)));
        return cpu;
    }

    private Map<String, Long> rss() {
        Map<String, Long> rss = new LinkedHashMap<>();
        stack.pids().forEach((process, pid) -> ProcessMeter.rssMebibytes(pid).ifPresent(mib -> rss.put(process, mib)));
        return rss;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }

    private static void say(String line) {
        System.out.println("bench         | " + line);
    }
}
