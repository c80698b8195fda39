package org.concord.agreements.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.agreements.AgreementsScenarioSupport;
import org.concord.evidence.Algorithm;
import org.concord.evidence.HistoryHead;
import org.concord.evidence.Json;
import org.concord.evidence.Jws;
import org.concord.evidence.JwkSet;
import org.concord.evidence.SignaturePayload;
import org.concord.evidence.SigningKey;
import org.concord.evidence.VerificationReport;
import org.concord.evidence.VerificationReport.Status;
import org.concord.evidence.Verifier;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence of a real signing, on whichever database the subclass runs: three fresh regions, two with keys of
 * their own (ES256 and EdDSA) and one without, sign an MoU; the bundle agreements-service serves verifies offline
 * against the key it publishes and a head an event carried. Signatures whose JWS is not the party's, or not over
 * this agreement's text, are refused saying which, and change nothing.
 */
public abstract class EvidenceScenarios extends AgreementsScenarioSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;

    private String es256Region;
    private String eddsaRegion;
    private String keylessRegion;
    private SigningKey es256Key;
    private SigningKey eddsaKey;

    @BeforeEach
    void threeFreshRegionsTwoWithKeys() {
        es256Region = freshRegionCode();
        eddsaRegion = freshRegionCode();
        keylessRegion = freshRegionCode();
        es256Key = SigningKey.generate(Algorithm.ES256, es256Region.toLowerCase() + "-1");
        eddsaKey = SigningKey.generate(Algorithm.EDDSA, eddsaRegion.toLowerCase() + "-1");
        var keys = new LinkedHashMap<String, List<SigningKey>>();
        keys.put(es256Region, List.of(es256Key));
        keys.put(eddsaRegion, List.of(eddsaKey));
        keys.put(keylessRegion, List.of());
        freshRegionsWithKeys(keys);
    }

    @Test
    void the_bundle_of_a_signing_with_keys_verifies_offline_against_the_published_key_and_a_pinned_head() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");

        signWith(id, hash, es256Region, jws(es256Key, id, hash, es256Region)).expectStatus().isOk();
        signWith(id, hash, eddsaRegion, jws(eddsaKey, id, hash, eddsaRegion)).expectStatus().isOk();
        postSignature("/api/agreements/" + id, signature(keylessRegion, (String) hash)).expectStatus().isOk();

        ConsumerRecord<String, String> signed = awaitEvents(id, "concord.agreement.signed", 1).get(0);
        EventContract.assertConforms(signed);
        HistoryHead pinned = head(signed);

        byte[] bundle = evidence(id);
        VerificationReport report = new Verifier(Verifier.Options.DEFAULT
                .trustingServiceKeys(publishedServiceKeys()).knowingHead(pinned)).verify(bundle);

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.about("signature " + es256Region)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ES256 JWS by key '" + es256Key.kid() + "'"));
        assertThat(report.about("signature " + eddsaRegion)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("EdDSA JWS by key '" + eddsaKey.kid() + "'"));
        assertThat(report.about("signature " + keylessRegion)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.UNVERIFIED));
        assertThat(report.about("service key")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.HOLDS));
        assertThat(report.about("known head")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.HOLDS));
        JsonNode json = JSON.readTree(bundle);
        assertThat(json.path("historyHead").path("length").asLong()).isEqualTo(7); // drafted, opened, 3 signatures, signed, entered-into-force
        assertThat(json.path("regionKeys").propertyNames()).containsExactlyInAnyOrder(es256Region, eddsaRegion);
    }

    @Test
    void the_bundle_of_an_amended_agreement_verifies_each_signature_against_the_version_of_the_text_it_names() {
        Map<String, Object> body = threeParties();
        body.put("entryIntoForce", Map.of("rule", "QUORUM", "quorum", 2));
        Map<String, Object> open = open(draft(body).get("id"));
        Object id = open.get("id");
        Object first = open.get("contentHash");
        signWith(id, first, es256Region, jws(es256Key, id, first, es256Region)).expectStatus().isOk();
        postSignature("/api/agreements/" + id, signature(keylessRegion, (String) first)).expectStatus().isOk();
        assertThat(get(id)).containsEntry("status", "IN_FORCE");

        @SuppressWarnings("unchecked")
        var commitments = new java.util.ArrayList<>((List<String>) open.get("commitments"));
        commitments.add("Review the cooperation every year");
        Map<String, Object> opened = postAs(Tokens.admin(), "/api/agreements/" + id + "/amendments",
                Map.of("commitments", commitments)).expectStatus().isOk().expectBody(JSON_OBJECT).returnResult()
                .getResponseBody();
        Object second = ((Map<?, ?>) opened.get("openAmendment")).get("contentHash");
        String amendment = "/api/agreements/" + id + "/amendments/1";
        postSignature(amendment, signature(es256Region, (String) second, jws(es256Key, id, second, es256Region)))
                .expectStatus().isOk();
        postSignature(amendment, signature(keylessRegion, (String) second)).expectStatus().isOk();
        assertThat(get(id)).containsEntry("textVersion", 2).containsEntry("contentHash", second);
        signWith(id, second, eddsaRegion, jws(eddsaKey, id, second, eddsaRegion)).expectStatus().isOk();

        byte[] bundle = evidence(id);
        VerificationReport report = new Verifier(Verifier.Options.DEFAULT
                .trustingServiceKeys(publishedServiceKeys())).verify(bundle);

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.about("version 2")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the text hashes to " + second, "amendment 1 proposed"));
        assertThat(report.about("signature " + es256Region)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ES256 JWS", "version 1 of the text"));
        assertThat(report.about("amendment signature " + es256Region)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ES256 JWS by key '" + es256Key.kid() + "'",
                        "the text of amendment 1"));
        assertThat(report.about("amendment signature " + keylessRegion)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.UNVERIFIED));
        assertThat(report.about("adoption")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("signed by every party in force"));
        assertThat(report.about("signature " + eddsaRegion)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("EdDSA JWS", "version 2 of the text"));
        JsonNode json = JSON.readTree(bundle);
        assertThat(json.path("format").asString()).isEqualTo("concord-evidence/2");
        assertThat(json.path("versions").size()).isEqualTo(2);
        assertThat(json.path("text").path("commitments").size()).isEqualTo(commitments.size() - 1);
        assertThat(json.path("versions").get(1).path("text").path("commitments").size()).isEqualTo(commitments.size());
    }

    @Test
    void every_event_carries_the_head_of_the_history_with_its_own_entry_and_the_history_shows_the_links() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        signWith(id, open.get("contentHash"), es256Region, jws(es256Key, id, open.get("contentHash"), es256Region))
                .expectStatus().isOk();

        awaitEvents(id, "concord.agreement.signature-recorded", 1);
        List<ConsumerRecord<String, String>> events = eventsAbout(id);
        JsonNode entries = web.get().uri("/api/agreements/" + id + "/history").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("entries");
        assertThat(events).hasSize(3);
        for (ConsumerRecord<String, String> event : events) {
            EventContract.assertConforms(event);
            HistoryHead head = head(event);
            JsonNode entry = entries.get((int) head.length() - 1);
            assertThat(entry.path("seq").asLong()).isEqualTo(head.length());
            assertThat(entry.path("hash").asString()).as("the head of %s", header(event, "ce_type")).isEqualTo(head.hash());
            assertThat(entry.path("eventId").asString()).isEqualTo(header(event, "ce_id"));
        }
        String previous = "0".repeat(64);
        for (JsonNode entry : entries) {
            assertThat(entry.path("previousHash").asString()).isEqualTo(previous);
            previous = entry.path("hash").asString();
        }
        JsonNode signature = JSON.readTree(events.get(2).value()).path("signature");
        assertThat(signature.path("method").asString()).isEqualTo("jws");
        Jws published = Jws.parse(signature.path("jws").asString());
        assertThat(published.verify(JwkSet.of(es256Key.publicJwk())).kid()).isEqualTo(es256Key.kid());
        assertThat(SignaturePayload.fromJson(published.payloadJson()))
                .isEqualTo(new SignaturePayload(String.valueOf(id), String.valueOf(open.get("contentHash")), es256Region));
    }

    @Test
    void a_jws_made_with_another_regions_key_is_refused_naming_whose_key_it_is() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");

        String detail = refused(signWith(id, hash, eddsaRegion, jws(es256Key, id, hash, eddsaRegion)));

        assertThat(detail).contains("made with the key '" + es256Key.kid() + "' of " + es256Region)
                .contains("not with a key of " + eddsaRegion);
        assertUnchanged(id, open);
    }

    @Test
    void another_regions_key_under_the_partys_own_kid_is_still_named() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");
        SigningKey impostor = new SigningKey(new org.concord.evidence.Jwk(eddsaKey.kid(), Algorithm.ES256,
                es256Key.publicJwk().publicKey()), es256Key.privateKey());

        String detail = refused(signWith(id, hash, eddsaRegion, jws(impostor, id, hash, eddsaRegion)));

        assertThat(detail).contains("of " + es256Region).contains("not with a key of " + eddsaRegion);
    }

    @Test
    void a_jws_over_another_content_hash_is_refused_saying_so() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");
        String other = "sha256:" + "ab".repeat(32);

        String detail = refused(signWith(id, hash, es256Region, jws(es256Key, id, other, es256Region)));

        assertThat(detail).contains("verifies with " + es256Region + "'s key '" + es256Key.kid() + "'")
                .contains("over content hash " + other + ", not the agreement's " + hash);
        assertUnchanged(id, open);
    }

    @Test
    void a_jws_for_another_agreement_or_another_party_is_refused_saying_so() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");
        UUID elsewhere = UUID.randomUUID();

        assertThat(refused(signWith(id, hash, es256Region, jws(es256Key, elsewhere, hash, es256Region))))
                .contains("for agreement " + elsewhere + ", not " + id);
        assertThat(refused(signWith(id, hash, es256Region, jws(es256Key, id, hash, keylessRegion))))
                .contains("for party " + keylessRegion + ", not " + es256Region);
        assertUnchanged(id, open);
    }

    @Test
    void a_jws_naming_a_key_the_region_never_registered_is_refused_naming_its_keys() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");
        SigningKey unregistered = SigningKey.generate(Algorithm.ES256, "laptop-key");

        assertThat(refused(signWith(id, hash, es256Region, jws(unregistered, id, hash, es256Region))))
                .contains("names the key 'laptop-key', which " + es256Region + " has not registered")
                .contains("'" + es256Key.kid() + "'");
        assertThat(refused(signWith(id, hash, keylessRegion, jws(unregistered, id, hash, keylessRegion))))
                .contains(keylessRegion + " has not registered (it has no signing keys");
    }

    @Test
    void a_jws_that_does_not_verify_with_the_partys_key_is_refused() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");
        String jws = jws(es256Key, id, hash, es256Region);
        String forged = jws.substring(0, jws.lastIndexOf('.') + 1) + "A".repeat(86);

        assertThat(refused(signWith(id, hash, es256Region, forged)))
                .contains("does not verify as a signature by " + es256Region);
    }

    @Test
    void a_region_with_keys_cannot_sign_with_a_bearer_token_alone() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");

        String detail = refused(postSignature("/api/agreements/" + id, signature(es256Region, (String) open.get("contentHash"))));

        assertThat(detail).contains(es256Region + " has registered signing keys ('" + es256Key.kid() + "')")
                .contains("must carry a jws");
        assertUnchanged(id, open);
    }

    @Test
    void a_signature_keeps_the_key_it_was_made_with_after_the_region_rotates_its_keys() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");
        signWith(id, hash, es256Region, jws(es256Key, id, hash, es256Region)).expectStatus().isOk();

        SigningKey next = SigningKey.generate(Algorithm.EDDSA, es256Region.toLowerCase() + "-2");
        publishRegion("concord.region.updated", es256Region, true, 2, next);
        org.awaitility.Awaitility.await("the rotated key in the replica").atMost(EVENTS).until(() ->
                replica.find(es256Region).block().keys().find(next.kid()).isPresent());

        VerificationReport report = new Verifier().verify(evidence(id));
        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.about("signature " + es256Region)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("key '" + es256Key.kid() + "'"));
        assertThat(refused(signWith(id, hash, eddsaRegion, jws(es256Key, id, hash, eddsaRegion))))
                .as("the old key is no longer the region's").contains("names the key '" + es256Key.kid() + "'");
    }

    @Test
    void an_entry_edited_in_the_database_is_caught_at_that_entry() {
        Map<String, Object> open = openMou();
        Object id = open.get("id");
        Object hash = open.get("contentHash");
        signWith(id, hash, es256Region, jws(es256Key, id, hash, es256Region)).expectStatus().isOk();

        // the operator rewrites who signed entry 3 (its stored form), and leaves the hash as it was
        db.sql("UPDATE agreement_history SET hashed = REPLACE(hashed, 'Signatory of', 'Someone else than') "
                        + "WHERE agreement_id = :id AND entry_seq = 3")
                .bind("id", UUID.fromString((String) id)).fetch().rowsUpdated().block();

        VerificationReport report = new Verifier().verify(evidence(id));
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(VerificationReport.Finding::subject).contains("history #3", "history");
        assertThat(report.about("history #3").get(0).message()).contains("its content hashes to");
    }

    @Test
    void two_entries_of_one_agreement_cannot_claim_the_same_seq() {
        Object id = openMou().get("id");

        var duplicate = db.sql("INSERT INTO agreement_history (agreement_id, entry_seq, entry_type, occurred_at, version,"
                        + " details, previous_hash, hash, hashed) SELECT agreement_id, entry_seq, 'forged', occurred_at,"
                        + " version, details, previous_hash, hash, hashed FROM agreement_history"
                        + " WHERE agreement_id = :id AND entry_seq = 2")
                .bind("id", UUID.fromString((String) id)).fetch().rowsUpdated();

        org.assertj.core.api.Assertions.assertThatThrownBy(duplicate::block)
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void the_service_keys_are_public_and_a_bundle_needs_a_token() {
        var anonymous = web.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
        anonymous.get().uri("/api/evidence/keys").exchange().expectStatus().isOk();
        anonymous.get().uri("/api/agreements/" + UUID.randomUUID() + "/evidence").exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/agreements/" + UUID.randomUUID() + "/evidence").exchange().expectStatus().isNotFound();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The seed MoU among the three fresh regions, opened. */
    private Map<String, Object> openMou() {
        return open(draft(threeParties()).get("id"));
    }

    private Map<String, Object> threeParties() {
        Map<String, Object> body = seedMou();
        body.put("parties", List.of(es256Region, eddsaRegion, keylessRegion));
        body.put("convener", es256Region);
        return body;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec signWith(Object id, Object hash,
            String party, String jws) {
        return postSignature("/api/agreements/" + id, signature(party, (String) hash, jws));
    }

    private static String refused(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        JsonNode problem = response.expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType("application/problem+json")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return problem.path("detail").asString();
    }

    private void assertUnchanged(Object id, Map<String, Object> open) {
        assertThat(get(id).get("version")).as("a refused signature changes nothing").isEqualTo(open.get("version"));
        JsonNode entries = web.get().uri("/api/agreements/" + id + "/history").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("entries");
        assertThat(entries.size()).as("nor the history").isEqualTo(2);
    }

    private byte[] evidence(Object id) {
        return web.get().uri("/api/agreements/" + id + "/evidence").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/json")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private JwkSet publishedServiceKeys() {
        byte[] keys = web.get().uri("/api/evidence/keys").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return JwkSet.fromJson(Json.parse(new String(keys, StandardCharsets.UTF_8)), "the published keys");
    }

    private static HistoryHead head(ConsumerRecord<String, String> event) {
        Object data = Json.parse(event.value());
        return HistoryHead.fromJson(((Map<?, ?>) data).get("historyHead"), "historyHead of " + header(event, "ce_type"));
    }
}
