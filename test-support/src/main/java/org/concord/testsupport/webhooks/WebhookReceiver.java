package org.concord.testsupport.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A system that subscribed to Concord's webhooks: a JDK HTTP server on 127.0.0.1 that keeps every request and
 * answers as told (204 by default; status codes in turn, a delay to play a hanging endpoint, extra headers such as
 * {@code Retry-After}), and checks Standard Webhooks signatures. It needs nothing but the JDK, so the local stack's
 * demo uses it too.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(Instant at, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        /** The {@code webhook-id}: the event's {@code ce_id}, the same on every attempt. */
        public String webhookId() {
            return header("webhook-id");
        }
    }

    /** How to answer one request. */
    public record Reply(int status, Duration delay, Map<String, String> headers) {

        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntFunction<Reply> replies = n -> Reply.status(204);

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
            throw new UncheckedIOException("cannot start a webhook receiver", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL to subscribe, under {@code localhost} (the local allowlist of notifications-service's SSRF guard). */
    public String url() {
        return url("localhost");
    }

    /** The URL under a host name that resolves to 127.0.0.1 (localhost, an IP literal, or a test's own name). */
    public String url(String host) {
        return "http://" + host + ":" + port() + "/webhooks/concord";
    }

    /** Answers the n-th request (1-based) as {@code replies} says. */
    public WebhookReceiver answering(IntFunction<Reply> replies) {
        this.replies = replies;
        return this;
    }

    /** Answers the first requests with these statuses, and 200 after them. */
    public WebhookReceiver answeringInTurn(int... statuses) {
        return answering(n -> Reply.status(n <= statuses.length ? statuses[n - 1] : 200));
    }

    /** Takes {@code delay} to answer each request: an endpoint that hangs. */
    public WebhookReceiver hangingFor(Duration delay) {
        return answering(n -> new Reply(200, delay, Map.of()));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Whether the request carries a valid Standard Webhooks signature with {@code secret}: {@code v1,} + base64
     * HMAC-SHA256 over {@code id.timestamp.body}, keyed with the base64 part of the {@code whsec_} secret (one of
     * possibly several space-separated signatures must match).
     */
    public static boolean signedWith(String secret, Received request) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply = replies.apply(received.size());
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis()); // the endpoint hangs; the sender must not wait for it
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
