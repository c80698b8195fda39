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
import java.util.stream.Stream;

import org.concord.agreements.AgreementsServiceTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.agreements.AgreementsApplication;
import org.concord.testsupport.contract.OpenApiDocuments;
import org.concord.testsupport.security.AccessMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what on agreements-service: admins draft, amend, open, withdraw, terminate and open amendments;
 * signatories sign agreements and amendments and object to renewals; a party's withdrawal is given by its signatory
 * or an admin;
 * any valid token reads; the key set evidence checkpoints are signed with is public. (Signing for another region than one's own is the sign use case's refusal, see the
 * lifecycle scenarios.)
 */
@AgreementsServiceTest
@ConcordIntegrationTest
class AgreementsAccessTest {

    private static final String UNKNOWN = "/api/agreements/" + UUID.randomUUID();
    private static final String SIGNATURE = """
            {"party":"CN-SC","contentHash":"sha256:%s","signatory":{"name":"N","title":"T","organisation":"O"}}"""
            .formatted("0".repeat(64));

    @LocalServerPort
    int port;

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

    static Stream<AccessMatrix.Case> matrix() {
        return MATRIX.cases();
    }

    @Test
    void the_openapi_document_names_the_roles_the_matrix_checks() {
        MATRIX.assertDocumentedIn(OpenApiDocuments.committed(AgreementsApplication.NAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void access(AccessMatrix.Case access) {
        access.check(port);
    }
}
