package org.concord.agreements.evidence;

import org.concord.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * The service's evidence key set is public: a party checking a bundle fetches it without a token (and compares it
 * with what it kept earlier). Bundles themselves are read like agreements, with any valid token.
 */
@Component
class EvidenceAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/api/evidence/keys").permitAll();
    }
}
