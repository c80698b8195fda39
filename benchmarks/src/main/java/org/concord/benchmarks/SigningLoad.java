package org.concord.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.concord.testsupport.seed.SeedMou;

import tools.jackson.databind.JsonNode;

/**
 * Twelve-party agreements drafted and opened beforehand, then signed open-loop: signature {@code i} is due at
 * {@code start + i / rate}, sent at that moment whatever happened to the ones before, and its latency counts from
 * then. Consecutive signatures go to different agreements (a block of {@value #BLOCK} agreements is signed party by
 * party), so two signatures of one agreement are rarely in flight together.
 */
final class SigningLoad {

    static final int BLOCK = 25;
    private static final int PREPARERS = 4;

    /** One signature to send: which agreement, its content hash, which party. */
    record Signature(String agreementId, String contentHash, String party) {

        String key() {
            return WebhookLedger.key(agreementId, party);
        }
    }

    /** What the sender saw: answers by status, HTTP latencies of the measured part, the achieved send rate. */
    record Outcome(Map<Integer, Long> statuses, long failures, Latencies http, long measuredSent, double measuredSeconds,
            long measuredAcknowledged) {
    }

    private final Stack stack;
    private final Map<String, String> authorities = new ConcurrentHashMap<>();

    SigningLoad(Stack stack) {
        this.stack = stack;
        for (String party : SeedMou.PARTIES) {
            JsonNode region = stack.call("GET", "regions-service", "/api/regions/" + party, stack.viewer(), null, 200);
            authorities.put(party, region.path("signingAuthority").asString());
        }
    }

    /** Drafts and opens enough agreements for {@code signatures}, and lays their signatures out in sending order. */
    List<Signature> prepare(int signatures) {
        int agreements = (signatures + SeedMou.PARTIES.size() - 1) / SeedMou.PARTIES.size();
        agreements = ((agreements + BLOCK - 1) / BLOCK) * BLOCK;
        ExecutorService pool = Executors.newFixedThreadPool(PREPARERS);
        List<Future<String[]>> opened = new ArrayList<>();
        for (int i = 0; i < agreements; i++) {
            int n = i;
            opened.add(pool.submit(() -> open(n)));
        }
        List<String[]> all = new ArrayList<>();
        try {
            for (Future<String[]> future : opened) {
                all.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof BenchmarkException known ? known : new BenchmarkException(e.getCause().toString(), e);
        } finally {
            pool.shutdownNow();
        }
        return order(all).subList(0, signatures);
    }

    /** Block by block: each party signs the block's agreements one after another, then the next party. */
    static List<Signature> order(List<String[]> agreements) {
        List<Signature> order = new ArrayList<>();
        for (int block = 0; block < agreements.size(); block += BLOCK) {
            List<String[]> these = agreements.subList(block, Math.min(block + BLOCK, agreements.size()));
            for (String party : SeedMou.PARTIES) {
                for (String[] agreement : these) {
                    order.add(new Signature(agreement[0], agreement[1], party));
                }
            }
        }
        return order;
    }

    private String[] open(int n) {
        JsonNode draft = stack.call("POST", "agreements-service", "/api/agreements", stack.admin(),
                SeedMou.draft("Benchmark MoU " + n + " " + System.nanoTime()), 201);
        String id = draft.path("id").asString();
        JsonNode opened = stack.call("POST", "agreements-service", "/api/agreements/" + id + "/open", stack.admin(), Map.of(), 200);
        return new String[] {id, opened.path("contentHash").asString()};
    }

    /**
     * Sends {@code signatures} at {@code rate} a second; those due after {@code warmUp} are measured ({@code measuring}
     * runs when the first of them is due). Waits up to 30 s after the last is due for the answers still outstanding.
     */
    Outcome run(List<Signature> signatures, double rate, Duration warmUp, WebhookLedger ledger, Runnable measuring) {
        Latencies http = new Latencies();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong measuredAcknowledged = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + warmUp.toNanos();
        long measured = 0;
        for (int i = 0; i < signatures.size(); i++) {
            Signature signature = signatures.get(i);
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean counts = intended >= measureFrom;
            if (counts && measured == 0) {
                measuring.run();
            }
            measured += counts ? 1 : 0;
            ledger.sent(signature.key(), intended, counts);
            pending.add(stack.http().sendAsync(request(signature), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long done = System.nanoTime();
                        if (error != null) {
                            failures.incrementAndGet();
                            return;
                        }
                        ledger.answered(signature.key(), response.statusCode());
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        if (counts) {
                            lastAnswer.accumulateAndGet(done, Math::max);
                            http.record(intended, done);
                            if (response.statusCode() / 100 == 2) {
                                measuredAcknowledged.incrementAndGet();
                            }
                        }
                    }));
        }
        long lastDue = start + (signatures.size() - 1) * interval;
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // what did not answer in 30 s counts as failed below
        }
        // from the first measured signature's due time to the last measured answer (or the last due time, if later)
        double measuredSeconds = (Math.max(lastDue, lastAnswer.get()) - measureFrom) / 1e9;
        long unanswered = pending.stream().filter(future -> !future.isDone()).count();
        return new Outcome(Map.copyOf(statuses), failures.get() + unanswered, http, measured, measuredSeconds,
                measuredAcknowledged.get());
    }

    private HttpRequest request(Signature signature) {
        String body = Stack.JSON.writeValueAsString(SeedMou.signature(signature.party(), signature.contentHash(),
                authorities.get(signature.party())));
        URI uri = stack.url("agreements-service").resolve("/api/agreements/" + signature.agreementId() + "/signatures");
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stack.signatory(signature.party()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
