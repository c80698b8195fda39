package org.concord.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: a JDK HTTP server on 127.0.0.1 that records every request and answers as
 * told (status codes in turn, a delay to simulate a hanging endpoint, extra headers).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(Instant at, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** How to answer the n-th request (1-based). */
    public record Reply(int status, Duration delay, Map<String, String> headers) {

        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntFunction<Reply> replies = n -> Reply.status(200);

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a webhook receiver", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The receiver's URL under a host name that resolves to 127.0.0.1 (localhost, or a test name). */
    public String url(String host) {
        return "http://" + host + ":" + port() + "/hook";
    }

    public WebhookReceiver answering(IntFunction<Reply> replies) {
        this.replies = replies;
        return this;
    }

    /** Answers the first requests with these statuses, and 200 after them. */
    public WebhookReceiver answeringInTurn(int... statuses) {
        return answering(n -> Reply.status(n <= statuses.length ? statuses[n - 1] : 200));
    }

    public WebhookReceiver hangingFor(Duration delay) {
        return answering(n -> new Reply(200, delay, Map.of()));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply = replies.apply(received.size());
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis()); // the receiver hangs; the service must not wait for it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
