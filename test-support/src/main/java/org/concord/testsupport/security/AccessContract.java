package org.concord.testsupport.security;

import java.util.stream.Stream;

import org.concord.testsupport.contract.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what on a running service, checked the same way for every service: each row of its
 * {@link AccessMatrix} with each kind of caller, and the committed OpenAPI document naming the roles the matrix
 * checks. A service's access test implements it with its name and its matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface AccessContract {

    /** The service's name, as its committed OpenAPI document is named. */
    String service();

    /** Every endpoint of the service with the rule that guards it. */
    AccessMatrix matrix();

    default Stream<AccessMatrix.Case> cases() {
        return matrix().cases();
    }

    @Test
    default void the_openapi_document_names_the_roles_the_matrix_checks() {
        matrix().assertDocumentedIn(OpenApiDocuments.committed(service()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    default void access(AccessMatrix.Case access, @LocalServerPort int port) {
        access.check(port);
    }
}
