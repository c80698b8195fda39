package org.concord.regions.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.regions.region.Regions.freshCode;
import static org.concord.regions.region.Regions.province;
import static org.concord.regions.region.Regions.with;

import java.util.Arrays;
import java.util.Map;

import org.concord.platform.web.IdempotentRequests;
import org.concord.regions.RegionsServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The registry's REST rules, every refusal a problem detail. */
@RegionsServiceTest
abstract class RegistryApiScenarios {

    @Autowired
    WebTestClient web;

    WebTestClient.ResponseSpec register(Object body) {
        return web.post().uri("/api/regions").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec registerWithKey(String key, Object body) {
        return web.post().uri("/api/regions").header(IdempotentRequests.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec registerRaw(String json) {
        return web.post().uri("/api/regions").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    WebTestClient.ResponseSpec update(String code, String ifMatch, Object body) {
        var request = web.put().uri("/api/regions/{code}", code).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    /** Asserts an RFC 9457 problem detail with this status, and that the detail says something. */
    static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String detailContains) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).containsIgnoringCase(detailContains));
    }

    // ----- registering

    @Test
    void registering_a_region_answers_201_with_location_etag_and_the_region() {
        String code = freshCode();

        register(province(code)).expectStatus().isCreated()
                .expectHeader().location("/api/regions/" + code)
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.country").isEqualTo("CN")
                .jsonPath("$.type").isEqualTo("PROVINCE")
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.contactEmail").doesNotExist();

        web.get().uri("/api/regions/{code}", code).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.nativeName").isEqualTo("测试省");
    }

    @Test
    void registering_a_country_needs_a_two_letter_code_and_type_country() {
        register(Map.of("code", "XK", "name", "Testland", "nativeName", "Testland", "type", "COUNTRY",
                "capital", "Test City")).expectStatus().isCreated()
                .expectBody().jsonPath("$.country").isEqualTo("XK");

        problem(register(with(province("XQ"), "type", "PROVINCE")), HttpStatus.UNPROCESSABLE_CONTENT, "must be COUNTRY");
        problem(register(with(province(freshCode()), "type", "COUNTRY")), HttpStatus.UNPROCESSABLE_CONTENT, "subdivision");
    }

    @Test
    void registering_again_with_the_same_idempotency_key_gets_the_first_answer_again() {
        String code = freshCode();
        String key = "register-" + code;

        byte[] first = registerWithKey(key, province(code)).expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        byte[] again = registerWithKey(key, province(code)).expectStatus().isCreated()
                .expectHeader().valueEquals(IdempotentRequests.REPLAYED, "true")
                .expectHeader().location("/api/regions/" + code)
                .expectBody().returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        problem(registerWithKey(key, with(province(code), "capital", "Elsewhere")), HttpStatus.UNPROCESSABLE_CONTENT,
                "already used for a different request");
        problem(register(province(code)), HttpStatus.CONFLICT, "already registered");
    }

    @Test
    void registering_a_code_that_exists_is_a_conflict() {
        problem(register(province("CN-GX")), HttpStatus.CONFLICT, "already registered");
    }

    @Test
    void registering_an_invalid_code_is_unprocessable() {
        for (String code : new String[] {"cn-gx", "CHINA", "CN-ABCD", "CN_GX", ""}) {
            problem(register(province(code)), HttpStatus.UNPROCESSABLE_CONTENT, "ISO 3166");
        }
        problem(register(with(province("x"), "code", null)), HttpStatus.UNPROCESSABLE_CONTENT, "ISO 3166");
    }

    @Test
    void registering_an_unknown_type_is_unprocessable_and_names_the_valid_ones() {
        problem(register(with(province(freshCode()), "type", "CITY")), HttpStatus.UNPROCESSABLE_CONTENT,
                "PROVINCE, AUTONOMOUS_REGION, MUNICIPALITY, SPECIAL_ADMINISTRATIVE_REGION, COUNTRY");
        problem(register(with(province(freshCode()), "type", null)), HttpStatus.UNPROCESSABLE_CONTENT, "type is required");
    }

    @Test
    void registering_without_a_name_or_with_a_foreign_country_or_a_bad_email_is_unprocessable() {
        problem(register(with(province(freshCode()), "name", " ")), HttpStatus.UNPROCESSABLE_CONTENT, "name is required");
        problem(register(with(province(freshCode()), "country", "VN")), HttpStatus.UNPROCESSABLE_CONTENT, "country");
        problem(register(with(province(freshCode()), "contactEmail", "nobody")), HttpStatus.UNPROCESSABLE_CONTENT,
                "contactEmail");
    }

    // ----- malformed input: always a 4xx problem detail, never a 500

    @Test
    void a_body_that_is_not_json_is_a_bad_request() {
        problem(registerRaw("{\"code\": \"CN-A1\", "), HttpStatus.BAD_REQUEST, "");
        problem(registerRaw("not json at all"), HttpStatus.BAD_REQUEST, "");
        problem(registerRaw(""), HttpStatus.BAD_REQUEST, "");
    }

    @Test
    void fields_of_the_wrong_json_type_are_a_bad_request() {
        problem(registerRaw("{\"code\": [\"CN-A1\"], \"name\": \"x\", \"nativeName\": \"x\", \"type\": \"PROVINCE\"}"),
                HttpStatus.BAD_REQUEST, "");
        problem(registerRaw("{\"code\": \"CN-A1\", \"name\": {\"en\": \"x\"}, \"nativeName\": \"x\", \"type\": \"PROVINCE\"}"),
                HttpStatus.BAD_REQUEST, "");
        problem(registerRaw("[1, 2, 3]"), HttpStatus.BAD_REQUEST, "");
    }

    @Test
    void a_ten_megabyte_body_is_refused_as_too_large() {
        char[] padding = new char[10 * 1024 * 1024];
        Arrays.fill(padding, 'x');
        String huge = "{\"code\": \"CN-A1\", \"name\": \"" + new String(padding) + "\"}";

        registerRaw(huge).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.title").isEqualTo("Content Too Large");
    }

    @Test
    void a_body_that_is_not_declared_json_is_unsupported() {
        web.post().uri("/api/regions").contentType(MediaType.TEXT_PLAIN).bodyValue("CN-A1").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // ----- reading

    @Test
    void an_unknown_region_is_not_found() {
        problem(web.get().uri("/api/regions/CN-ZZZ").exchange(), HttpStatus.NOT_FOUND, "CN-ZZZ");
        problem(web.get().uri("/api/regions/not-a-code").exchange(), HttpStatus.NOT_FOUND, "not-a-code");
    }

    @Test
    void the_list_is_paged_and_the_page_size_is_capped_at_100() {
        web.get().uri("/api/regions?page=0&size=5").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(5)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(5)
                .jsonPath("$.total").value(total -> assertThat(((Number) total).longValue()).isGreaterThanOrEqualTo(45))
                .jsonPath("$.items[0].code").isEqualTo("BN")
                .jsonPath("$.items[1].code").isEqualTo("CN-AH");
        web.get().uri("/api/regions?page=1&size=2").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.page").isEqualTo(1).jsonPath("$.items[0].code").isEqualTo("CN-BJ");
        web.get().uri("/api/regions?size=1000").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(100);
    }

    @Test
    void the_list_filters_by_type_country_and_free_text_over_code_name_and_native_name() {
        web.get().uri("/api/regions?type=MUNICIPALITY&country=CN").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].code").value(codes ->
                        assertThat(codes.toString()).contains("CN-BJ", "CN-CQ", "CN-SH", "CN-TJ"))
                .jsonPath("$.total").isEqualTo(4);
        web.get().uri("/api/regions?q=西藏").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].code").isEqualTo("CN-XZ");
        web.get().uri("/api/regions?q=guangxi").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].code").isEqualTo("CN-GX");
        web.get().uri("/api/regions?q=vn").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].code").value(codes -> assertThat(codes.toString()).contains("VN"));
        web.get().uri("/api/regions?q=100%25_").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void bad_list_parameters_are_a_bad_request() {
        problem(web.get().uri("/api/regions?page=-1").exchange(), HttpStatus.BAD_REQUEST, "page");
        problem(web.get().uri("/api/regions?size=0").exchange(), HttpStatus.BAD_REQUEST, "size");
        problem(web.get().uri("/api/regions?page=abc").exchange(), HttpStatus.BAD_REQUEST, "");
        problem(web.get().uri("/api/regions?type=CITY").exchange(), HttpStatus.BAD_REQUEST, "CITY");
    }

    // ----- updating

    @Test
    void an_update_needs_if_match_428_without_it() {
        String code = freshCode();
        register(province(code)).expectStatus().isCreated();

        problem(update(code, null, province(code)), HttpStatus.PRECONDITION_REQUIRED, "If-Match");
    }

    @Test
    void an_update_with_a_stale_etag_fails_412() {
        String code = freshCode();
        register(province(code)).expectStatus().isCreated();
        update(code, "\"1\"", with(province(code), "capital", "Newtown")).expectStatus().isOk();

        problem(update(code, "\"1\"", with(province(code), "capital", "Oldtown")), HttpStatus.PRECONDITION_FAILED,
                "changed");
        web.get().uri("/api/regions/{code}", code).exchange().expectBody().jsonPath("$.capital").isEqualTo("Newtown");
    }

    @Test
    void an_update_replaces_the_details_and_returns_the_new_etag() {
        String code = freshCode();
        register(province(code)).expectStatus().isCreated();

        update(code, "\"1\"", with(with(province(code), "capital", "Newtown"), "contactEmail", "trade@test.gov.cn"))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.capital").isEqualTo("Newtown")
                .jsonPath("$.contactEmail").isEqualTo("trade@test.gov.cn")
                .jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void an_update_cannot_change_the_server_owned_fields() {
        String code = freshCode();
        register(province(code)).expectStatus().isCreated();
        Map<String, Object> sneaky = with(with(province(code), "version", 99), "active", false);

        update(code, "\"1\"", sneaky).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.code").isEqualTo(code);
        problem(update(code, "\"2\"", with(province(code), "code", "CN-GX")), HttpStatus.UNPROCESSABLE_CONTENT,
                "cannot change");
        problem(update(code, "\"2\"", with(province(code), "country", "VN")), HttpStatus.UNPROCESSABLE_CONTENT,
                "country");
    }

    @Test
    void an_update_that_breaks_a_rule_is_unprocessable_and_changes_nothing() {
        String code = freshCode();
        register(province(code)).expectStatus().isCreated();

        problem(update(code, "\"1\"", with(province(code), "type", "CITY")), HttpStatus.UNPROCESSABLE_CONTENT, "CITY");
        web.get().uri("/api/regions/{code}", code).exchange().expectHeader().valueEquals("ETag", "\"1\"");
    }

    @Test
    void updating_an_unknown_region_is_not_found() {
        problem(update("CN-ZZZ", "\"1\"", province("CN-ZZZ")), HttpStatus.NOT_FOUND, "CN-ZZZ");
    }

    // ----- deactivating

    @Test
    void deactivation_keeps_the_region_readable_and_is_idempotent() {
        String code = freshCode();
        register(province(code)).expectStatus().isCreated();

        web.delete().uri("/api/regions/{code}", code).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.version").isEqualTo(2);
        web.delete().uri("/api/regions/{code}", code).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.version").isEqualTo(2);
        web.get().uri("/api/regions/{code}", code).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.name").isEqualTo("Test Province " + code);
        problem(register(province(code)), HttpStatus.CONFLICT, "already registered");
    }

    @Test
    void deactivating_an_unknown_region_is_not_found() {
        problem(web.delete().uri("/api/regions/CN-ZZZ").exchange(), HttpStatus.NOT_FOUND, "CN-ZZZ");
    }
}
