package org.concord.platform.security;

import org.concord.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/** 401 and 403 as RFC 9457 problem details, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                    "a valid bearer token is required: " + e.getMessage());
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                "your token's roles do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath());
    }

}
