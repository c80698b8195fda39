package org.concord.faults;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load every scenario runs under: signatures on twelve-party agreements (the Nanning twelve) at a fixed rate,
 * sent whether or not earlier ones were answered (an open loop, so a stalled service does not slow the clock down).
 * A thread of its own keeps a few agreements drafted and opened ahead. Requests go round-robin to the instances of
 * agreements-service, as through a load balancer. Every request and answer goes to the {@link History}; nothing is
 * retried (a request without an answer stays unknown).
 */
final class SigningLoad implements AutoCloseable {

    static final List<String> PARTIES = List.of("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ",
            "CN-CQ", "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");
    static final int READY_AHEAD = 4;

    /** An agreement open for signature and the next party to sign it. */
    private record Open(String id, String contentHash, AtomicInteger next) {
    }

    private final Stack stack;
    private final History history;
    private final String title;
    private final Duration period;
    private final Http http = new Http();
    private final BlockingQueue<Open> ready = new ArrayBlockingQueue<>(READY_AHEAD * 2);
    private final Set<String> agreements = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong turn = new AtomicLong();
    private final AtomicLong starved = new AtomicLong();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "load-clock");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread preparer;
    private volatile boolean running = true;
    private volatile Open current;

    SigningLoad(Stack stack, History history, String title, double signaturesPerSecond) {
        this.stack = stack;
        this.history = history;
        this.title = title;
        this.period = Duration.ofNanos((long) (1_000_000_000L / signaturesPerSecond));
        this.preparer = new Thread(this::prepareAhead, "load-preparer");
        this.preparer.setDaemon(true);
    }

    SigningLoad start() {
        preparer.start();
        clock.scheduleAtFixedRate(this::tick, 0, period.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /** Every agreement the load drafted (answered 201). */
    Set<String> agreements() {
        return Set.copyOf(agreements);
    }

    /** Clock ticks that found no agreement ready to sign (the service could not draft or open one). */
    long starvedTicks() {
        return starved.get();
    }

    private void tick() {
        try {
            Open agreement = current;
            if (agreement == null || agreement.next().get() >= PARTIES.size()) {
                agreement = ready.poll();
                current = agreement;
                if (agreement == null) {
                    starved.incrementAndGet();
                    return;
                }
            }
            int index = agreement.next().getAndIncrement();
            if (index >= PARTIES.size()) {
                return;
            }
            sign(agreement, PARTIES.get(index));
        } catch (RuntimeException e) {
            // one bad tick must not stop the clock
        }
    }

    private void sign(Open agreement, String party) {
        URI base = nextInstance();
        History.Operation operation = history.invoke(History.Kind.SIGN, agreement.id(), party, base.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("party", party);
        body.put("contentHash", agreement.contentHash());
        body.put("signatory", Map.of("name", "Signatory of " + party, "title", "Authorised representative",
                "organisation", "Department of Commerce of " + party));
        inFlight.incrementAndGet();
        http.postAsync(base.resolve("/api/agreements/" + agreement.id() + "/signatures"), stack.token("signatory", party), body)
                .whenComplete((response, error) -> {
                    try {
                        complete(operation, response, error, agreement.id());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
    }

    private void prepareAhead() {
        int number = 0;
        while (running) {
            if (ready.size() >= READY_AHEAD) {
                Stack.pause(Duration.ofMillis(50));
                continue;
            }
            number++;
            if (!prepare(number)) {
                Stack.pause(Duration.ofMillis(500));
            }
        }
    }

    /** Drafts and opens one agreement; true when it is ready to sign. */
    private boolean prepare(int number) {
        URI base = nextInstance();
        History.Operation draft = history.invoke(History.Kind.DRAFT, null, null, base.toString());
        History.Operation drafted = send(draft, base.resolve("/api/agreements"), draftBody(title + " #" + number), null);
        if (drafted.outcome() != History.Outcome.OK) {
            return false;
        }
        String id = drafted.agreementId();
        agreements.add(id);
        History.Operation open = history.invoke(History.Kind.OPEN, id, null, base.toString());
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        History.Operation opened = send(open, base.resolve("/api/agreements/" + id + "/open"), Map.of(), answer);
        if (opened.outcome() != History.Outcome.OK) {
            return false;
        }
        String hash = Http.reply(answer.get()).body().path("contentHash").asString("");
        return ready.offer(new Open(id, hash, new AtomicInteger()));
    }

    private History.Operation send(History.Operation operation, URI uri, Object body, AtomicReference<HttpResponse<String>> answer) {
        try {
            HttpResponse<String> response = http.postAsync(uri, stack.token("admin", null), body).join();
            if (answer != null) {
                answer.set(response);
            }
            String id = operation.kind() == History.Kind.DRAFT && response.statusCode() == 201
                    ? Http.reply(response).body().path("id").asString(null) : operation.agreementId();
            return complete(operation, response, null, id);
        } catch (CompletionException e) {
            return complete(operation, null, e, operation.agreementId());
        }
    }

    /** 2xx happened; a refusal (4xx) or a refused connection did not; anything else may have. */
    private History.Operation complete(History.Operation operation, HttpResponse<String> response, Throwable error, String agreementId) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            boolean neverReached = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
            return history.complete(operation, neverReached ? History.Outcome.FAIL : History.Outcome.UNKNOWN, 0, agreementId,
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        int status = response.statusCode();
        History.Outcome outcome = status >= 200 && status < 300 ? History.Outcome.OK
                : status >= 400 && status < 500 ? History.Outcome.FAIL : History.Outcome.UNKNOWN;
        String detail = outcome == History.Outcome.OK ? null : Http.reply(response).body().path("detail").asString(null);
        return history.complete(operation, outcome, status, agreementId, detail);
    }

    private URI nextInstance() {
        List<URI> instances = stack.urls("agreements-service");
        return instances.get((int) (turn.getAndIncrement() % instances.size()));
    }

    private static Map<String, Object> draftBody(String title) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("kind", "MOU");
        draft.put("areas", List.of("E_COMMERCE", "CROSS_BORDER_E_COMMERCE"));
        draft.put("summary", "Twelve provincial-level regions pledge cooperation in e-commerce with ASEAN.");
        draft.put("commitments", List.of("Exchange e-commerce expertise"));
        draft.put("counterpart", "ASEAN");
        draft.put("convener", "CN-GX");
        draft.put("parties", PARTIES);
        draft.put("signingEvent", Map.of("name", "Fault-injection run", "venue", "Nanning", "date", "2024-09-24"));
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("effectiveFrom", "2024-09-24");
        term.put("until", null);
        draft.put("term", term);
        return draft;
    }

    /** Stops sending and waits (up to the request timeout and a little more) for the answers still to come. */
    @Override
    public void close() {
        running = false;
        clock.shutdownNow();
        try {
            preparer.join(Http.TIMEOUT.toMillis() * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + Http.TIMEOUT.plusSeconds(5).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Stack.pause(Duration.ofMillis(100));
        }
    }

}
