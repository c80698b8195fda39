package org.concord.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * The webhook endpoint the suite subscribes: records every POST by its {@code webhook-id} and answers 204. It can go
 * away (its port refuses connections) and come back on the same port, as an endpoint that is down for a while.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    record Received(String webhookId, String type, String subject, Instant at) {
    }

    private final int port;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    static WebhookReceiver start(int port) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(port);
        receiver.up();
        return receiver;
    }

    /** Listens (again) on its port. */
    synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        http.createContext("/hooks", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        http.start();
        server = http;
    }

    /** Stops listening: connections to its port are refused until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    Set<String> webhookIds() {
        return byId.keySet();
    }

    boolean got(String webhookId) {
        return byId.containsKey(webhookId);
    }

    /** POSTs that repeated a {@code webhook-id} already received (at least once: receivers de-duplicate on it). */
    int redeliveries() {
        return byId.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    /** The POSTs that arrived from {@code from} (inclusive) until {@code to} (exclusive), repeated ones included. */
    long arrivedBetween(Instant from, Instant to) {
        return received.stream().filter(post -> !post.at().isBefore(from) && post.at().isBefore(to)).count();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            JsonNode event = Http.JSON.readTree(body.readAllBytes());
            if (id != null) {
                received.add(new Received(id, event.path("type").asString(""), event.path("subject").asString(""), Instant.now()));
                byId.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        down();
    }
}
