package org.concord.agreements;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.contract.ServesCommittedOpenApi;

/** agreements-service serves the committed OpenAPI document (see {@link ServesCommittedOpenApi}). */
@AgreementsServiceTest
@ConcordIntegrationTest
class OpenApiDocumentTest implements ServesCommittedOpenApi {

    @Override
    public String service() {
        return AgreementsApplication.NAME;
    }
}
