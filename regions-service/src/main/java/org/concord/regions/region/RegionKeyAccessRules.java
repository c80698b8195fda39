package org.concord.regions.region;

import org.concord.platform.security.AccessRules;
import org.concord.platform.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * A region's signing keys are replaced by its own signatory or by an admin; every other change of the registry stays
 * with admins, as the platform's default has it. Which region a signatory may register keys for is the use case's
 * to check ({@code KeyRegistrant}).
 */
@Component
class RegionKeyAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.PUT, "/api/regions/*/keys").hasAnyRole(Roles.ADMIN, Roles.SIGNATORY);
    }
}
