package org.concord.gateway.routing;

import java.net.ConnectException;

import org.concord.gateway.ProblemResponses;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A service that does not accept the gateway's connection (stopped, restarting) is a 503 problem naming the
 * service, with {@code Retry-After}, rather than a bare 500: the client may try again, nothing was changed.
 */
@Component
@Order(-2)
class UnavailableService implements WebExceptionHandler {

    private static final long RETRY_AFTER_SECONDS = 5;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !refusedConnection(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String service = route.getId().replace("-api-docs", "");
        return ProblemResponses.tryAgainLater(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                service + " is not answering; try again shortly", RETRY_AFTER_SECONDS);
    }

    private static boolean refusedConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
