package org.concord.agreements.agreement;

import org.concord.platform.security.AccessRules;
import org.concord.platform.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Signatories sign; every other change (draft, amend, open, withdraw, terminate) stays with admins, as the
 * platform's default has it. Which region a signatory may sign for is the sign use case's to check.
 */
@Component
class AgreementAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.POST, "/api/agreements/*/signatures").hasRole(Roles.SIGNATORY);
    }
}
