package org.concord.agreements.agreement;

import org.concord.platform.security.AccessRules;
import org.concord.platform.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Signatories sign (agreements and their amendments) and object to renewals; a party's withdrawal is given by its
 * signatory or an admin; every other change (draft, amend, open, open an amendment, withdraw, terminate) stays with
 * admins, as the platform's default has it. Which region a signatory may act for is the use case's to check.
 */
@Component
class AgreementAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.POST, "/api/agreements/*/signatures").hasRole(Roles.SIGNATORY);
        exchanges.pathMatchers(HttpMethod.POST, "/api/agreements/*/amendments/*/signatures").hasRole(Roles.SIGNATORY);
        exchanges.pathMatchers(HttpMethod.POST, "/api/agreements/*/renewal-objections").hasRole(Roles.SIGNATORY);
        exchanges.pathMatchers(HttpMethod.POST, "/api/agreements/*/withdrawals").hasAnyRole(Roles.ADMIN, Roles.SIGNATORY);
    }
}
