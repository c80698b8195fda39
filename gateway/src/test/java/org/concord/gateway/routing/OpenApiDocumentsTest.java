package org.concord.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.concord.testsupport.http.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest
    @ValueSource(strings = { "regions-service", "agreements-service", "notifications-service" })
    void every_operation_served_by_the_gateway_lists_its_rate_limit_and_unavailability(String service) {
        JsonNode committed = org.concord.testsupport.contract.OpenApiDocuments.committed(service);

        JsonNode served = Http.JSON.readTree(
                OpenApiDocuments.servedByGateway(Http.JSON.writeValueAsString(committed)));

        List<String> operations = new ArrayList<>();
        served.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            operations.add(method.getKey() + " " + path.getKey());
            JsonNode responses = method.getValue().path("responses");
            assertThat(responses.path("429").path("$ref").asString()).as("%s %s", method.getKey(), path.getKey())
                    .isEqualTo("#/components/responses/TooManyRequests");
            assertThat(responses.path("503").path("$ref").asString()).isEqualTo("#/components/responses/ServiceUnavailable");
            assertThat(List.copyOf(responses.propertyNames())).as("in order").isSorted();
        }));
        assertThat(operations).hasSizeGreaterThan(5);
        JsonNode tooMany = served.path("components").path("responses").path("TooManyRequests");
        assertThat(tooMany.path("headers").path("Retry-After").path("$ref").asString()).isEqualTo("#/components/headers/Retry-After");
        assertThat(tooMany.path("content").path("application/problem+json").path("schema").path("$ref").asString())
                .as("the service's own problem schema").isEqualTo("#/components/schemas/Problem");
        assertThat(served.path("components").path("schemas").has("Problem")).isTrue();
        assertThat(served.path("components").path("headers").has("Retry-After")).isTrue();
        // what the service itself documents is left as it is
        assertThat(served.path("paths").size()).isEqualTo(committed.path("paths").size());
        assertThat(served.path("info")).isEqualTo(committed.path("info"));
    }

    @Test
    void anything_that_is_not_a_document_passes_unchanged() {
        String problem = "{\"type\":\"about:blank\",\"status\":500}";
        assertThat(OpenApiDocuments.servedByGateway(problem)).isEqualTo(problem);
        assertThat(OpenApiDocuments.servedByGateway("<html>busy</html>")).isEqualTo("<html>busy</html>");
        assertThat(OpenApiDocuments.servedByGateway(null)).isNull();
    }
}
