package org.concord.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What no controller advice sees (a failure in a web filter, a request the firewall rejects for its path or
 * headers) still reaches the client as a problem detail that names nothing internal; anything unexpected is a 500
 * that is logged.
 */
@Order(-2)
public class LastResortErrors implements ErrorWebExceptionHandler, ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            return Problems.write(exchange, HttpStatus.valueOf(status.getStatusCode().value()),
                    status.getReason() != null ? status.getReason() : "the request could not be handled as sent");
        }
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed to handle this request; it has been logged");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return Problems.write(exchange, HttpStatus.BAD_REQUEST,
                "the request's path or headers contain characters this service does not accept (encoded slashes, "
                        + "dots, control characters or the like)");
    }
}
