package org.concord.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Systems subscribed to Concord's webhooks: a JDK HTTP server on 127.0.0.1; each path is one receiver, answering
 * 204 unless told otherwise.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    /** The URL of the receiver at {@code /path} ({@code localhost}: allowed by the services under test, as locally). */
    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + path;
    }

    /** From now on the receiver at {@code /path} answers with this status (204: delivered; 500: failed). */
    public void answer(String path, int httpStatus) {
        statuses.put("/" + path, httpStatus);
    }

    /** How many deliveries the receiver at {@code /path} got. */
    public int received(String path) {
        return received.computeIfAbsent("/" + path, key -> new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(statuses.getOrDefault(path, 204), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
