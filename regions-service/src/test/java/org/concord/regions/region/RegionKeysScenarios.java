package org.concord.regions.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.regions.region.Regions.freshCode;
import static org.concord.regions.region.Regions.province;
import static org.concord.regions.region.RegistryApiScenarios.problem;
import static org.concord.testsupport.kafka.TopicRecords.header;
import static org.concord.testsupport.kafka.TopicRecords.keyed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.evidence.Algorithm;
import org.concord.evidence.Json;
import org.concord.evidence.JwkSet;
import org.concord.evidence.SigningKey;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.regions.RegionsServiceTest;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.seed.NanningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region's signing keys: its signatory (or an admin) registers a JWK set of public ES256 and EdDSA keys, with
 * If-Match; the keys travel in the region's snapshot on regions.v1; what cannot sign evidence is refused.
 */
@RegionsServiceTest
abstract class RegionKeysScenarios {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;
    @Autowired
    ConcordTopics topics;

    @Test
    void the_regions_signatory_registers_its_keys_and_they_travel_in_its_snapshot() {
        String code = registered();
        SigningKey es256 = SigningKey.generate(Algorithm.ES256, code.toLowerCase() + "-a");
        SigningKey eddsa = SigningKey.generate(Algorithm.EDDSA, code.toLowerCase() + "-b");

        JsonNode keys = putKeys(code, Tokens.signatory(code), "\"1\"", NanningKeys.jwks(es256, eddsa))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        JwkSet registered = JwkSet.fromJson(Json.parse(keys.toString()), "the answer");
        assertThat(registered.keys()).extracting(key -> key.thumbprint())
                .containsExactly(es256.publicJwk().thumbprint(), eddsa.publicJwk().thumbprint());
        assertThat(keys.path("keys").get(1).path("alg").asString()).isEqualTo("EdDSA");
        web.get().uri("/api/regions/{code}/keys", code).headers(h -> h.setBearerAuth(Tokens.viewer())).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.keys.length()").isEqualTo(2);

        ConsumerRecord<String, String> updated = TopicRecords.await(topics.regions(), keyed(code), 2, WAIT).get(1);
        EventContract.assertConforms(updated);
        assertThat(header(updated, "ce_type")).isEqualTo("concord.region.updated");
        JsonNode snapshot = JSON.readTree(updated.value());
        assertThat(snapshot.path("version").asInt()).isEqualTo(2);
        assertThat(JwkSet.fromJson(Json.parse(snapshot.path("keys").toString()), "the snapshot's keys").keys())
                .extracting(key -> key.kid()).containsExactly(es256.kid(), eddsa.kid());
    }

    @Test
    void an_admin_may_register_them_too_and_the_same_keys_again_change_nothing() {
        String code = registered();
        Map<String, Object> keys = NanningKeys.jwks(SigningKey.generate(Algorithm.EDDSA, "k1"));

        putKeys(code, Tokens.admin(), "\"1\"", keys).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        putKeys(code, Tokens.admin(), "\"2\"", keys).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        putKeys(code, Tokens.admin(), "\"2\"", Map.of("keys", List.of())).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"").expectBody().jsonPath("$.keys.length()").isEqualTo(0);
    }

    @Test
    void another_regions_signatory_may_not() {
        String code = registered();

        problem(putKeys(code, Tokens.signatory("CN-GX"), "\"1\"", NanningKeys.jwks(SigningKey.generate(Algorithm.ES256, "k"))),
                HttpStatus.FORBIDDEN, "signatory-CN-GX@test signs for CN-GX and cannot register the signing keys of " + code);
        web.put().uri("/api/regions/{code}/keys", code).headers(h -> h.setBearerAuth(Tokens.viewer()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("keys", List.of())).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void the_change_names_the_regions_version() {
        String code = registered();
        Map<String, Object> keys = NanningKeys.jwks(SigningKey.generate(Algorithm.ES256, "k"));

        problem(putKeys(code, Tokens.admin(), null, keys), HttpStatus.PRECONDITION_REQUIRED, "If-Match");
        problem(putKeys(code, Tokens.admin(), "\"7\"", keys), HttpStatus.PRECONDITION_FAILED, "changed");
        problem(putKeys("CN-ZZZ", Tokens.admin(), "\"1\"", keys), HttpStatus.NOT_FOUND, "CN-ZZZ");
    }

    @Test
    void a_private_key_is_refused_and_never_stored() {
        String code = registered();
        SigningKey key = SigningKey.generate(Algorithm.ES256, "with-d");

        problem(putKeys(code, Tokens.admin(), "\"1\"", Map.of("keys", List.of(key.toJson()))),
                HttpStatus.UNPROCESSABLE_CONTENT, "includes its private part (d)");
        web.get().uri("/api/regions/{code}/keys", code).exchange().expectBody().jsonPath("$.keys.length()").isEqualTo(0);
    }

    @Test
    void keys_that_cannot_sign_evidence_are_refused_saying_why() {
        String code = registered();
        Map<String, Object> es256 = jwk(SigningKey.generate(Algorithm.ES256, "same"));
        Map<String, Object> eddsa = jwk(SigningKey.generate(Algorithm.EDDSA, "same"));

        problem(putKeys(code, Tokens.admin(), "\"1\"", Map.of("keys", List.of(es256, eddsa))),
                HttpStatus.UNPROCESSABLE_CONTENT, "share the kid 'same'");
        problem(putKeys(code, Tokens.admin(), "\"1\"", Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "r", "n", "AQAB",
                "e", "AQAB")))), HttpStatus.UNPROCESSABLE_CONTENT, "only EC P-256 and OKP Ed25519");
        problem(putKeys(code, Tokens.admin(), "\"1\"", Map.of("keys", List.of(with(es256, "alg", "HS256")))),
                HttpStatus.UNPROCESSABLE_CONTENT, "says alg HS256");
        problem(putKeys(code, Tokens.admin(), "\"1\"", Map.of("keys", List.of(with(es256, "x", "A".repeat(43))))),
                HttpStatus.UNPROCESSABLE_CONTENT, "not a point on P-256");
        var eleven = new ArrayList<Object>();
        for (int i = 0; i < 11; i++) {
            eleven.add(jwk(SigningKey.generate(Algorithm.EDDSA, "k" + i)));
        }
        problem(putKeys(code, Tokens.admin(), "\"1\"", Map.of("keys", eleven)), HttpStatus.UNPROCESSABLE_CONTENT,
                "at most 10 signing keys");
        problem(putKeys(code, Tokens.admin(), "\"1\"", Map.of("key", List.of())), HttpStatus.BAD_REQUEST, "key");
    }

    @Test
    void a_key_another_region_registered_is_refused() {
        String first = registered();
        String second = registered();
        SigningKey shared = SigningKey.generate(Algorithm.ES256, "shared");
        putKeys(first, Tokens.admin(), "\"1\"", NanningKeys.jwks(shared)).expectStatus().isOk();

        problem(putKeys(second, Tokens.admin(), "\"1\"", NanningKeys.jwks(new SigningKey(
                        new org.concord.evidence.Jwk("renamed", Algorithm.ES256, shared.publicJwk().publicKey()),
                        shared.privateKey()))),
                HttpStatus.CONFLICT, "is registered for " + first);

        putKeys(first, Tokens.admin(), "\"2\"", Map.of("keys", List.of())).expectStatus().isOk();
        // once given up, it can move
        putKeys(second, Tokens.admin(), "\"1\"", NanningKeys.jwks(shared)).expectStatus().isOk();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String registered() {
        String code = freshCode();
        web.post().uri("/api/regions").contentType(MediaType.APPLICATION_JSON).bodyValue(province(code)).exchange()
                .expectStatus().isCreated();
        return code;
    }

    private WebTestClient.ResponseSpec putKeys(String code, String token, String ifMatch, Object body) {
        return web.put().uri("/api/regions/{code}/keys", code)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    if (ifMatch != null) {
                        headers.set("If-Match", ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> jwk(SigningKey key) {
        return new LinkedHashMap<>(key.publicJwk().toJson());
    }

    private static Map<String, Object> with(Map<String, Object> jwk, String member, Object value) {
        var changed = new LinkedHashMap<>(jwk);
        changed.put(member, value);
        return changed;
    }
}
