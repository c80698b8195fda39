package org.concord.gateway.ratelimit;

import org.concord.gateway.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every routed request takes one from its client's {@link RequestBudget}; a client with none left gets 429 as
 * problem details with {@code Retry-After} (whole seconds), and the request never reaches a service. Other
 * clients' budgets are their own.
 */
public final class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ClientIdentity clients;
    private final RequestBudget budget;

    public RateLimitFilter(ClientIdentity clients, RequestBudget budget) {
        this.clients = clients;
        this.budget = budget;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return clients.of(exchange.getRequest()).flatMap(client -> {
            RequestBudget.Decision decision = budget.take(client);
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            log.debug("{} is over its rate limit: 429, retry after {} s", client, seconds);
            return ProblemResponses.tryAgainLater(exchange, HttpStatus.TOO_MANY_REQUESTS,
                    "this client has sent more requests than its rate limit allows; try again in " + seconds + " s",
                    seconds);
        });
    }

    /** Before the routing filters: a refused request is not forwarded at all. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
