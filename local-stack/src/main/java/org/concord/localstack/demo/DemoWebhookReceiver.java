package org.concord.localstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The system that subscribed to Concord's webhooks, for the length of the demo: a JDK HTTP server on this
 * machine (the local stack allows webhooks to localhost) that keeps every request and answers 204.
 */
final class DemoWebhookReceiver implements AutoCloseable {

    /** One request: the Standard Webhooks headers and the body (the event in CloudEvents JSON). */
    record Received(String webhookId, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "demo-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private DemoWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static DemoWebhookReceiver start() {
        try {
            return new DemoWebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo's webhook receiver", e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks/concord";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Whether the request carries a valid Standard Webhooks signature: {@code v1,} + base64 HMAC-SHA256 over
     * {@code id.timestamp.body}, keyed with the base64 part of the {@code whsec_} secret (one of possibly several
     * space-separated signatures must match).
     */
    static boolean verify(String secret, Received request) {
        if (request.webhookId() == null || request.timestamp() == null || request.signature() == null) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((request.webhookId() + "." + request.timestamp() + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String signature : request.signature().split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
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
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
