package org.concord.agreements.security;

import static org.concord.testsupport.security.AccessMatrix.Rule.ADMIN;
import static org.concord.testsupport.security.AccessMatrix.Rule.ADMIN_OR_SIGNATORY;
import static org.concord.testsupport.security.AccessMatrix.Rule.PUBLIC;
import static org.concord.testsupport.security.AccessMatrix.Rule.READ;
import static org.concord.testsupport.security.AccessMatrix.Rule.SIGNATORY;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.UUID;

import org.concord.agreements.AgreementsServiceTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.agreements.AgreementsApplication;
import org.concord.testsupport.security.AccessContract;
import org.concord.testsupport.security.AccessMatrix;

/**
 * Who may do what on agreements-service: admins draft, amend, open, withdraw, terminate and open amendments;
 * signatories sign agreements and amendments and object to renewals; a party's withdrawal is given by its signatory
 * or an admin;
 * any valid token reads; the key set evidence checkpoints are signed with is public. (Signing for another region than one's own is the sign use case's refusal, see the
 * lifecycle scenarios.)
 */
@AgreementsServiceTest
@ConcordIntegrationTest
class AgreementsAccessTest implements AccessContract {

    private static final String UNKNOWN = "/api/agreements/" + UUID.randomUUID();
    private static final String SIGNATURE = """
            {"party":"CN-SC","contentHash":"sha256:%s","signatory":{"name":"N","title":"T","organisation":"O"}}"""
            .formatted("0".repeat(64));

    static final AccessMatrix MATRIX = AccessMatrix.withPlatformEndpoints()
            .endpoint(GET, "/api/agreements", READ)
            .endpoint(GET, UNKNOWN, READ)
            .endpoint(GET, UNKNOWN + "/history", READ)
            .endpoint(GET, UNKNOWN + "/evidence", READ)
            .endpoint(GET, "/api/evidence/keys", PUBLIC)
            .endpoint(POST, "/api/agreements", "{}", ADMIN)
            .endpoint(PATCH, UNKNOWN, "{}", ADMIN)
            .endpoint(POST, UNKNOWN + "/open", ADMIN)
            .endpoint(POST, UNKNOWN + "/withdraw", "{\"reason\":\"r\"}", ADMIN)
            .endpoint(POST, UNKNOWN + "/terminate", "{\"reason\":\"r\"}", ADMIN)
            .endpoint(POST, UNKNOWN + "/signatures", SIGNATURE, SIGNATORY)
            .endpoint(POST, UNKNOWN + "/withdrawals", "{\"party\":\"CN-SC\",\"reason\":\"r\"}", ADMIN_OR_SIGNATORY)
            .endpoint(POST, UNKNOWN + "/amendments", "{\"title\":\"t\"}", ADMIN)
            .endpoint(POST, UNKNOWN + "/amendments/1/signatures", SIGNATURE, SIGNATORY)
            .endpoint(POST, UNKNOWN + "/renewal-objections", "{\"party\":\"CN-SC\",\"reason\":\"r\"}", SIGNATORY);

    @Override
    public String service() {
        return AgreementsApplication.NAME;
    }

    @Override
    public AccessMatrix matrix() {
        return MATRIX;
    }
}
