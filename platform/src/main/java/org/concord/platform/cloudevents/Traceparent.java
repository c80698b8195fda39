package org.concord.platform.cloudevents;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * W3C trace context propagation without a tracing system: the {@code traceparent} of the request that caused
 * a change (or a new one) travels in the Reactor context into the outbox and from there onto the event.
 */
public final class Traceparent implements WebFilter {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String inbound = exchange.getRequest().getHeaders().getFirst(HEADER);
        String traceparent = inbound != null && VALID.matcher(inbound).matches() ? inbound : newTraceparent();
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(HEADER, traceparent));
    }

    /** The traceparent of the current reactive pipeline, if any. */
    public static Mono<String> current() {
        return Mono.deferContextual(ctx -> Mono.justOrEmpty(ctx.<String>getOrEmpty(HEADER)));
    }

    public static String newTraceparent() {
        var random = ThreadLocalRandom.current();
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        random.nextBytes(traceId);
        random.nextBytes(spanId);
        return "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
    }
}
