package org.concord.regions;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.contract.ServesCommittedOpenApi;

/** regions-service serves the committed OpenAPI document (see {@link ServesCommittedOpenApi}). */
@RegionsServiceTest
@ConcordIntegrationTest
class OpenApiDocumentTest implements ServesCommittedOpenApi {

    @Override
    public String service() {
        return RegionsApplication.NAME;
    }
}
