package org.concord.platform.web;

import static org.hamcrest.Matchers.allOf;
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
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

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
    void a_property_the_request_does_not_define_is_refused_naming_it_and_no_class() {
        post("{\"name\": \"x\", \"status\": \"DONE\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(allOf(containsString("'status' is not a property of this request"),
                        containsString("[count, name, tags]"), not(containsString("org.concord")), not(containsString("Thing"))));
    }

    @Test
    void a_number_is_not_a_string() {
        post("{\"name\": 12345}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the request body could not be read: field 'name': expected a string");
    }

    @Test
    void a_string_is_not_a_number() {
        post("{\"name\": \"x\", \"count\": \"12\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(containsString("field 'count': expected a whole number"));
    }

    @Test
    void an_empty_body_is_a_problem_that_names_no_method() {
        web.post().uri("/test/things").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the request needs a JSON body");
    }

    @Test
    void a_hundred_kilobyte_header_on_a_post_is_a_431_problem() {
        web.post().uri("/api/things/x/signatures").header("X-Padding", "x".repeat(100 * 1024))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\"}").exchange()
                .expectStatus().isEqualTo(431)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(431);
    }

    @Test
    void a_client_that_accepts_nothing_we_produce_still_gets_a_problem() {
        web.get().uri("/api/things/x").header("Accept", "image/png").exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(406);
    }

    @Test
    void a_very_long_uri_is_a_414_problem() {
        web.get().uri("/api/things/" + "x".repeat(20_000)).exchange()
                .expectStatus().isEqualTo(414)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_path_with_an_encoded_null_is_a_problem() {
        web.get().uri(java.net.URI.create("http://localhost:" + port + "/api/things/a%00b")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void problem_details_name_no_java_class_package_or_method() {
        org.assertj.core.api.Assertions.assertThat(Problems.scrub(
                "Cannot construct instance of `org.concord.regions.region.RegionController$RegisterRegionRequest` "
                        + "for public reactor.core.publisher.Mono<Void> org.concord.x.Y.m(java.lang.String) and A$B"))
                .doesNotContain("org.concord", "reactor.", "java.lang", "$");
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
