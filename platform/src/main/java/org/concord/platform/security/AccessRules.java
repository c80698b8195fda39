package org.concord.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own authorization rules for its API, applied before the platform's defaults (reads need any valid
 * token; every other {@code /api} request needs {@code admin}).
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeExchangeSpec exchanges);
}
