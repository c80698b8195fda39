package org.concord.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.concord.platform.PlatformTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.concord.platform.domain.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every failure reaches the client as an RFC 9457 problem detail with the right status and a useful message. */
@PlatformTest
@ConcordIntegrationTest
@AutoConfigureWebTestClient
class ProblemDetailsTest {

    @Autowired
    WebTestClient web;

    @Test
    void malformed_json_is_a_bad_request() {
        post("{\"name\": \"x\",").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(containsString("could not be read"));
    }

    @Test
    void a_field_of_the_wrong_type_is_a_bad_request_naming_it() {
        post("{\"name\": \"x\", \"count\": \"many\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(containsString("field 'count'"));
    }

    @Test
    void a_property_the_request_does_not_define_is_refused_naming_it() {
        post("{\"name\": \"x\", \"status\": \"DONE\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(containsString("status"));
    }

    @Test
    void an_invalid_body_lists_each_field_error() {
        post("{\"name\": \"\", \"tags\": [\"a\",\"b\",\"c\",\"d\"]}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'tags')]").exists();
    }

    @Test
    void a_ten_megabyte_body_is_refused_as_too_large() {
        String huge = "{\"name\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        post(huge).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the request body is larger than this service accepts");
    }

    @ParameterizedTest
    @CsvSource({ "MALFORMED, 400, Bad Request", "INVALID, 422, Unprocessable Content", "REFUSED, 403, Forbidden",
            "NOT_FOUND, 404, Not Found", "CONFLICT, 409, Conflict", "STALE_VERSION, 412, Precondition Failed",
            "VERSION_REQUIRED, 428, Precondition Required" })
    void a_domain_refusal_answers_with_the_status_of_its_meaning_and_its_message(DomainException.Meaning meaning,
            int status, String title) {
        web.get().uri("/test/refusals/{meaning}", meaning).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.detail").isEqualTo("refused because the test said " + meaning)
                .jsonPath("$.instance").isEqualTo("/test/refusals/" + meaning);
    }

    @Test
    void an_unexpected_failure_reveals_nothing_internal() {
        web.get().uri("/test/failure").exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(not(containsString("secret")));
    }

    @Test
    void an_unknown_path_is_a_not_found_problem() {
        web.get().uri("/test/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec post(String body) {
        return web.post().uri("/test/things").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
