package org.concord.regions;

import java.net.URI;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.contract.OpenApiDocuments;
import org.concord.testsupport.http.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document regions-service serves is the committed one (contract/src/main/resources/openapi), which
 * client teams and gateways import. When an endpoint changes, regenerate it: {@value OpenApiDocuments#UPDATE_COMMAND}.
 */
@RegionsServiceTest
@ConcordIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void serves_the_committed_openapi_document() {
        Http.Response document = new Http(URI.create("http://localhost:" + port)).get("/v3/api-docs", null);

        OpenApiDocuments.assertCommitted(RegionsApplication.NAME, document.body());
    }
}
