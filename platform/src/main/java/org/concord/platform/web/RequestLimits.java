package org.concord.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The size limits of a request, answered like every other error: a URI longer than {@code concord.web.max-uri-length}
 * is a 414, headers larger than {@code concord.web.max-header-size} a 431, both as problem details, on every route
 * and before anything else looks at the request. (The HTTP server's own limits are set far above these, so that it
 * reads the whole request instead of cutting the connection with an empty answer.)
 */
public class RequestLimits implements WebFilter, Ordered {

    private final long maxUriLength;
    private final long maxHeaderSize;

    public RequestLimits(DataSize maxUriLength, DataSize maxHeaderSize) {
        this.maxUriLength = maxUriLength.toBytes();
        this.maxHeaderSize = maxHeaderSize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (request.getURI().toString().length() > maxUriLength) {
            return Problems.write(exchange, HttpStatus.URI_TOO_LONG,
                    "the request URI is longer than this service accepts (" + maxUriLength + " characters)");
        }
        if (headerSize(request.getHeaders().asMultiValueMap()) > maxHeaderSize) {
            return Problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "the request headers are larger than this service accepts (" + maxHeaderSize + " bytes in all)");
        }
        return chain.filter(exchange);
    }

    private static long headerSize(Map<String, List<String>> headers) {
        long size = 0;
        for (var header : headers.entrySet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + 4;
            }
        }
        return size;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
