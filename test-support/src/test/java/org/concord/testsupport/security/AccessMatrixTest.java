package org.concord.testsupport.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concord.testsupport.security.AccessMatrix.Rule.ADMIN;
import static org.concord.testsupport.security.AccessMatrix.Rule.READ;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.concord.testsupport.http.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccessMatrixTest {

    private static final JsonNode DOCUMENT = Http.JSON.readTree("""
            {"paths": {
              "/api/regions/{code}": {"get": {"security": [{"bearer": []}]}},
              "/api/regions": {"post": {"security": [{"bearer": ["admin"]}]}}}}""");

    @Test
    void a_document_naming_the_roles_the_matrix_checks_passes() {
        AccessMatrix matrix = AccessMatrix.of()
                .endpoint(GET, "/api/regions/CN-XZ?x=1", READ)
                .endpoint(POST, "/api/regions", "{}", ADMIN);

        assertThatCode(() -> matrix.assertDocumentedIn(DOCUMENT)).doesNotThrowAnyException();
    }

    @Test
    void a_role_the_document_does_not_name_is_noticed() {
        AccessMatrix matrix = AccessMatrix.of()
                .endpoint(GET, "/api/regions/CN-XZ", ADMIN)
                .endpoint(POST, "/api/regions", "{}", ADMIN);

        assertThatThrownBy(() -> matrix.assertDocumentedIn(DOCUMENT))
                .hasMessageContaining("GET /api/regions/{code} is documented for any valid token, the matrix checks ADMIN");
    }

    @Test
    void an_operation_without_a_row_in_the_matrix_is_noticed() {
        AccessMatrix matrix = AccessMatrix.of().endpoint(GET, "/api/regions/CN-XZ", READ);

        assertThatThrownBy(() -> matrix.assertDocumentedIn(DOCUMENT))
                .hasMessageContaining("POST /api/regions is in the document but not in the access matrix");
    }
}
