package org.concord.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.concord.testsupport.http.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentsTest {

    @Test
    void differences_name_where_and_what_in_any_member_order() {
        JsonNode committed = Http.JSON.readTree("""
                {"paths": {"/api/regions/{code}": {"get": {"summary": "Read a region", "tags": ["Regions"]}}}, "openapi": "3.1.0"}""");
        JsonNode served = Http.JSON.readTree("""
                {"openapi": "3.1.0", "paths": {"/api/regions/{code}": {"get": {"tags": ["Regions"], "summary": "Read one region",
                 "operationId": "getRegion"}}}}""");
        List<String> found = new ArrayList<>();

        OpenApiDocuments.differences(committed, served, "", found);

        assertThat(found).containsExactlyInAnyOrder(
                "/paths/~1api~1regions~1{code}/get/summary: committed \"Read a region\", served \"Read one region\"",
                "/paths/~1api~1regions~1{code}/get/operationId: committed nothing, served \"getRegion\"");
    }

    @Test
    void the_same_document_has_no_difference() {
        JsonNode document = OpenApiDocuments.committed("regions-service");
        List<String> found = new ArrayList<>();

        OpenApiDocuments.differences(document, document.deepCopy(), "", found);

        assertThat(found).isEmpty();
    }

    @Test
    void an_operation_without_a_summary_is_refused_with_where_to_add_it() {
        JsonNode document = Http.JSON.readTree("""
                {"paths": {"/api/things": {"post": {"operationId": "addThing", "description": "Adds a thing."}}}}""");

        assertThatThrownBy(() -> OpenApiDocuments.assertComplete("a-service", document))
                .hasMessageContaining("POST /api/things has no summary")
                .hasMessageContaining("@Operation(operationId, summary, description)");
    }
}
