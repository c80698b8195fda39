package org.concord.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.concord.gateway.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentsTest {

    @Test
    void a_document_served_by_the_gateway_names_the_gateway_as_its_only_server() {
        String document = """
                {"openapi":"3.1.0","info":{"title":"OpenAPI definition","version":"v0"},
                 "servers":[{"url":"http://localhost:8082","description":"Generated server url"}],
                 "paths":{"/api/agreements":{}}}""";
        JsonNode served = Http.JSON.readTree(OpenApiDocuments.servedByGateway(document));
        assertThat(served.path("servers").size()).isEqualTo(1);
        assertThat(served.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(served.path("paths").has("/api/agreements")).isTrue();
        assertThat(served.path("info").path("title").asString()).isEqualTo("OpenAPI definition");
    }

    @Test
    void anything_that_is_not_a_document_passes_unchanged() {
        String problem = "{\"type\":\"about:blank\",\"status\":500}";
        assertThat(OpenApiDocuments.servedByGateway(problem)).isEqualTo(problem);
        assertThat(OpenApiDocuments.servedByGateway("<html>busy</html>")).isEqualTo("<html>busy</html>");
        assertThat(OpenApiDocuments.servedByGateway(null)).isNull();
    }
}
