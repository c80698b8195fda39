package org.concord.testsupport.contract;

import java.net.URI;

import org.concord.testsupport.http.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document a running service serves is the committed one (contract/src/main/resources/openapi), which
 * client teams and gateways import. When an endpoint changes, regenerate it: {@value OpenApiDocuments#UPDATE_COMMAND}.
 * A service's OpenAPI test implements it with the service's name.
 */
public interface ServesCommittedOpenApi {

    /** The service's name, as its committed OpenAPI document is named. */
    String service();

    @Test
    default void serves_the_committed_openapi_document(@LocalServerPort int port) {
        Http.Response document = new Http(URI.create("http://localhost:" + port)).get("/v3/api-docs", null);

        OpenApiDocuments.assertCommitted(service(), document.body());
    }
}
