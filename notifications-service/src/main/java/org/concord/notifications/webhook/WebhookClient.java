package org.concord.notifications.webhook;

import org.concord.notifications.delivery.domain.WebhookResponse;
import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends one signed webhook (Standard Webhooks headers, structured CloudEvent body) without blocking, and
 * reports what happened as a {@link WebhookResponse}, never as an error. Every destination passes the SSRF
 * guard after resolution and before connecting: names through {@link GuardedAddressResolverGroup}, IP
 * literals here (Reactor Netty connects to those without a resolver).
 */
public class WebhookClient implements AutoCloseable {

    /** CloudEvents structured mode: the whole event (attributes and data) is the JSON body. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final DestinationGuard guard;
    private final Clock clock;
    private final WebhookProperties properties;
    private final ConnectionProvider connections;
    private final WebClient webClient;

    public WebhookClient(DestinationGuard guard, Clock clock, WebhookProperties properties) {
        this.guard = guard;
        this.clock = clock;
        this.properties = properties;
        this.connections = ConnectionProvider.builder("concord-webhooks")
                .maxConnections(Math.max(16, properties.maxConcurrency() * 2))
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        HttpClient httpClient = HttpClient.create(connections)
                .resolver(new GuardedAddressResolverGroup(guard))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }

    public Mono<WebhookResponse> send(WebhookRequest request) {
        long started = System.nanoTime();
        return Mono.defer(() -> checkBeforeConnecting(request))
                .then(Mono.defer(() -> post(request)))
                .timeout(properties.connectTimeout().plus(properties.responseTimeout()).plusSeconds(5))
                .onErrorResume(error -> Mono.just(new WebhookResponse(
                        null, elapsedSince(started), describe(error), Optional.empty())))
                .map(response -> new WebhookResponse(
                        response.statusCode(), elapsedSince(started), response.error(), response.retryAfter()));
    }

    private Mono<Void> checkBeforeConnecting(WebhookRequest request) {
        Optional<String> refusal = guard.policy().refusalOfUrl(request.url());
        if (refusal.isPresent()) {
            return Mono.error(new ForbiddenDestination(refusal.get()));
        }
        String host = request.url().getHost();
        Optional<InetAddress> literal = DestinationPolicy.literalAddress(host);
        return literal.isPresent() ? guard.resolveChecked(host).then() : Mono.empty();
    }

    private Mono<WebhookResponse> post(WebhookRequest request) {
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.header(request.webhookId(), timestamp, request.body(), request.secrets());
        return webClient.post()
                .uri(request.url())
                .headers(headers -> {
                    headers.set("webhook-id", request.webhookId());
                    headers.set("webhook-timestamp", Long.toString(timestamp));
                    headers.set("webhook-signature", signature);
                    headers.set("User-Agent", properties.userAgent());
                    if (request.traceparent() != null) {
                        headers.set("traceparent", request.traceparent());
                    }
                })
                .contentType(MediaType.parseMediaType(CONTENT_TYPE))
                .bodyValue(request.body())
                .exchangeToMono(response -> response.releaseBody().then(Mono.fromSupplier(() -> {
                    int status = response.statusCode().value();
                    Optional<Duration> retryAfter = RetryAfter.parse(
                            response.headers().asHttpHeaders().getFirst("Retry-After"),
                            clock.instant(), properties.maxRetryAfter());
                    String error = status >= 200 && status < 300 ? null : "HTTP " + status;
                    return new WebhookResponse(status, Duration.ZERO, error, retryAfter);
                })));
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenDestination refused) {
                return "destination refused before connecting: " + refused.getMessage();
            }
            if (t instanceof ReadTimeoutException || t instanceof TimeoutException) {
                return "no response in time";
            }
            if (t instanceof ConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof ConnectException) {
                return "connection failed: " + t.getMessage();
            }
            if (t instanceof PrematureCloseException) {
                return "connection closed before a response";
            }
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
