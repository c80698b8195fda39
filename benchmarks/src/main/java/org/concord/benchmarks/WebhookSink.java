package org.concord.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.concord.testsupport.webhooks.WebhookReceiver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's webhook endpoint on 127.0.0.1. The healthy one checks each request's Standard Webhooks signature
 * and hands every {@code signature-recorded} webhook to the {@link WebhookLedger}; a failing one answers 500, or
 * hangs longer than any sender waits (the endpoints a healthy subscriber must not suffer from).
 */
final class WebhookSink implements AutoCloseable {

    static final String SIGNATURE_RECORDED = "concord.agreement.signature-recorded";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How the endpoint behaves. */
    enum Behaviour { HEALTHY, ANSWERS_500, HANGS }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Behaviour behaviour;
    private final WebhookLedger ledger;
    private volatile String secret;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();

    private WebhookSink(Behaviour behaviour, WebhookLedger ledger) throws IOException {
        this.behaviour = behaviour;
        this.ledger = ledger;
        this.executor = behaviour == Behaviour.HANGS ? Executors.newCachedThreadPool(WebhookSink::daemon)
                : Executors.newFixedThreadPool(8, WebhookSink::daemon);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static WebhookSink healthy(WebhookLedger ledger) {
        return start(Behaviour.HEALTHY, ledger);
    }

    static WebhookSink failing(Behaviour behaviour) {
        return start(behaviour, new WebhookLedger());
    }

    private static WebhookSink start(Behaviour behaviour, WebhookLedger ledger) {
        try {
            return new WebhookSink(behaviour, ledger);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a webhook endpoint", e);
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "webhook-sink");
        thread.setDaemon(true);
        return thread;
    }

    /** Under {@code localhost}: the local allowlist of notifications-service's SSRF guard. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks/" + behaviour.name().toLowerCase();
    }

    Behaviour behaviour() {
        return behaviour;
    }

    /** The subscription's secret, known once subscribed. */
    void secret(String secret) {
        this.secret = secret;
    }

    long requests() {
        return requests.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            long arrival = System.nanoTime();
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            switch (behaviour) {
                case ANSWERS_500 -> exchange.sendResponseHeaders(500, -1);
                case HANGS -> hang(exchange);
                case HEALTHY -> {
                    accept(exchange, body, arrival);
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        }
    }

    private void accept(HttpExchange exchange, String body, long arrival) {
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        var received = new WebhookReceiver.Received(Instant.now(), headers, body);
        if (secret == null || !WebhookReceiver.signedWith(secret, received)) {
            badSignatures.incrementAndGet();
            return;
        }
        String key = signatureKey(body);
        if (key != null) {
            ledger.arrived(key, received.webhookId(), arrival);
        }
    }

    /** {@code agreementId/party} of a {@code signature-recorded} event's webhook body (a CloudEvent), else null. */
    static String signatureKey(String body) {
        JsonNode event = JSON.readTree(body);
        if (!SIGNATURE_RECORDED.equals(event.path("type").asString(""))) {
            return null;
        }
        JsonNode data = event.path("data");
        String agreement = data.path("agreement").path("id").asString("");
        String party = data.path("signature").path("party").asString("");
        return agreement.isEmpty() || party.isEmpty() ? null : WebhookLedger.key(agreement, party);
    }

    private static void hang(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
