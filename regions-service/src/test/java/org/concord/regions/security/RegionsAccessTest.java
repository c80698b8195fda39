package org.concord.regions.security;

import static org.concord.testsupport.security.AccessMatrix.Rule.ADMIN;
import static org.concord.testsupport.security.AccessMatrix.Rule.ADMIN_OR_SIGNATORY;
import static org.concord.testsupport.security.AccessMatrix.Rule.READ;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.concord.regions.RegionsServiceTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.regions.RegionsApplication;
import org.concord.testsupport.security.AccessContract;
import org.concord.testsupport.security.AccessMatrix;

/**
 * Who may do what on regions-service: any valid token reads; only admins change the registry or rebuild; a region's
 * keys are replaced by an admin or a signatory (of that region: the use case's check, see RegionKeysScenarios).
 */
@RegionsServiceTest
@ConcordIntegrationTest
class RegionsAccessTest implements AccessContract {

    static final AccessMatrix MATRIX = AccessMatrix.withPlatformEndpoints()
            .endpoint(GET, "/api/regions", READ)
            .endpoint(GET, "/api/regions/CN-XZ", READ)
            .endpoint(GET, "/api/regions/CN-XZ/agreements", READ)
            .endpoint(GET, "/api/regions/CN-XZ/partners", READ)
            .endpoint(POST, "/api/regions", "{}", ADMIN)
            .endpoint(PUT, "/api/regions/ZZ-ZZZ", "{}", ADMIN)
            .endpoint(DELETE, "/api/regions/ZZ-ZZZ", ADMIN)
            .endpoint(GET, "/api/regions/CN-XZ/keys", READ)
            .endpoint(PUT, "/api/regions/CN-SC/keys", "{\"keys\":[]}", ADMIN_OR_SIGNATORY)
            .endpoint(POST, "/api/admin/portfolio/rebuild", ADMIN);

    @Override
    public String service() {
        return RegionsApplication.NAME;
    }

    @Override
    public AccessMatrix matrix() {
        return MATRIX;
    }
}
