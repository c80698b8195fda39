package org.concord.agreements;

import org.concord.agreements.region.persistence.RegionReplica;
import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.concord.evidence.SignaturePayload;
import org.concord.evidence.SigningKey;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.testsupport.seed.SeedMou;
import org.concord.testsupport.contract.ContractExamples;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.seed.NanningKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.concord.testsupport.security.Tokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the scenarios of agreements-service share: the seed MoU, the regions it needs in the replica (fed as
 * regions-service would, through {@code regions.v1}), and short ways to call the API and read agreements.v1.
 */
@AgreementsServiceTest
public abstract class AgreementsScenarioSupport {

    public static final List<String> SEED_PARTIES = SeedMou.PARTIES;
    /** A region that is not a party to the seed MoU, to accede to it or to be refused. */
    public static final String HAINAN = "CN-HI";
    /** The content hash of {@link #seedMou()}'s text, computed independently (see ContentHashTest). */
    public static final String SEED_CONTENT_HASH = "sha256:f97dab985986b9b47007836a4afdd5f8f2be2ebb5d2e585d0e40a1a869205760";
    protected static final Duration EVENTS = Duration.ofSeconds(30);
    protected static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected ConcordTopics topics;
    @Autowired
    protected RegionReplica replica;

    @BeforeEach
    void seedRegionsAreReplicated() {
        List<String> needed = new ArrayList<>(SEED_PARTIES);
        needed.add(HAINAN);
        List<String> missing = needed.stream().filter(code -> replica.find(code).block() == null).toList();
        missing.forEach(code -> publishRegion("concord.region.registered", code, true, 1));
        awaitReplicated(missing);
    }

    // ---- regions ----------------------------------------------------------------------------------------------

    /**
     * Publishes a region event on regions.v1 as regions-service would: the contract's example with this code, and
     * these signing keys (none when none are given).
     */
    protected void publishRegion(String type, String code, boolean active, long version, SigningKey... keys) {
        TestKafka.send(ContractExamples.example(type).withNewId().withSubject(code)
                .withData(data -> {
                    data.put("code", code);
                    data.put("name", "Region " + code);
                    data.put("active", active);
                    data.putPOJO("keys", NanningKeys.jwks(keys));
                    data.put("version", version);
                    return data;
                })
                .toRecord(topics.regions()));
    }

    /** Fresh regions (codes no other scenario uses), in the replica, each with the keys given (or none). */
    protected void freshRegionsWithKeys(Map<String, List<SigningKey>> keysByRegion) {
        keysByRegion.forEach((code, keys) -> publishRegion("concord.region.registered", code, true, 1,
                keys.toArray(SigningKey[]::new)));
        Awaitility.await("regions " + keysByRegion.keySet() + " and their keys in the replica").atMost(EVENTS)
                .until(() -> keysByRegion.entrySet().stream().allMatch(region -> {
                    var replicated = replica.find(region.getKey()).block();
                    return replicated != null && replicated.keys().keys().size() == region.getValue().size();
                }));
    }

    protected void awaitReplicated(List<String> codes) {
        Awaitility.await("regions " + codes + " in the replica").atMost(EVENTS)
                .until(() -> codes.stream().allMatch(code -> replica.find(code).block() != null));
    }

    /** A region code no other scenario uses, e.g. {@code ZZ-A1B}. */
    protected static String freshRegionCode() {
        String letters = UUID.randomUUID().toString().replace("-", "").toUpperCase().replaceAll("[^A-Z0-9]", "");
        return "Z" + (char) ('A' + (int) (Math.random() * 26)) + "-" + letters.substring(0, 3);
    }

    // ---- the seed MoU -------------------------------------------------------------------------------------------

    /** The MoU of the seed article: twelve parties, the five commitments. A fresh mutable copy each time. */
    public static Map<String, Object> seedMou() {
        return SeedMou.draft();
    }

    /** A signature request of {@code party} on {@code contentHash}. */
    public static Map<String, Object> signature(String party, String contentHash) {
        return Map.of("party", party, "contentHash", contentHash, "signatory", Map.of(
                "name", "Signatory of " + party, "title", "Director-General",
                "organisation", "Department of Commerce of " + party));
    }

    /** The same, carrying the signatory's compact JWS. */
    public static Map<String, Object> signature(String party, String contentHash, String jws) {
        Map<String, Object> body = new LinkedHashMap<>(signature(party, contentHash));
        body.put("jws", jws);
        return body;
    }

    /** A JWS by {@code key} over {@code {agreementId, contentHash, party}}. */
    public static String jws(SigningKey key, Object agreementId, Object contentHash, String party) {
        return new SignaturePayload(String.valueOf(agreementId), String.valueOf(contentHash), party).sign(key);
    }

    // ---- API ----------------------------------------------------------------------------------------------------

    protected WebTestClient.ResponseSpec post(String uri, Object body) {
        return web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Posts as whoever holds {@code token}. */
    protected WebTestClient.ResponseSpec postAs(String token, String uri, Object body) {
        return web.post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected Map<String, Object> draft(Map<String, Object> body) {
        return post("/api/agreements", body).expectStatus().isCreated().expectBody(JSON_OBJECT).returnResult()
                .getResponseBody();
    }

    protected Map<String, Object> draftSeed() {
        return draft(seedMou());
    }

    protected Map<String, Object> open(Object id) {
        return post("/api/agreements/" + id + "/open", Map.of()).expectStatus().isOk().expectBody(JSON_OBJECT)
                .returnResult().getResponseBody();
    }

    protected Map<String, Object> openSeed() {
        return open(draftSeed().get("id"));
    }

    /** Posts a signature as the signatory of its party would: with a token for that region. */
    protected WebTestClient.ResponseSpec postSignature(String agreementUri, Map<String, Object> signature) {
        return web.post().uri(agreementUri + "/signatures")
                .headers(headers -> headers.setBearerAuth(Tokens.signatory((String) signature.get("party"))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(signature).exchange();
    }

    protected Map<String, Object> sign(Object id, String party, Object contentHash) {
        return postSignature("/api/agreements/" + id, signature(party, (String) contentHash))
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    /** The seed MoU, opened and signed by all twelve parties. */
    protected Map<String, Object> signedSeed() {
        Map<String, Object> agreement = openSeed();
        for (String party : SEED_PARTIES) {
            agreement = sign(agreement.get("id"), party, agreement.get("contentHash"));
        }
        assertThat(agreement.get("status")).isEqualTo("IN_FORCE");
        return agreement;
    }

    protected Map<String, Object> get(Object id) {
        return web.get().uri("/api/agreements/" + id).exchange().expectStatus().isOk().expectBody(JSON_OBJECT)
                .returnResult().getResponseBody();
    }

    // ---- agreements.v1 --------------------------------------------------------------------------------------------

    /** Waits for {@code count} events of {@code type} about agreement {@code id}, and returns them in topic order. */
    protected List<ConsumerRecord<String, String>> awaitEvents(Object id, String type, int count) {
        return TopicRecords.await(topics.agreements(), TopicRecords.keyed(String.valueOf(id)).and(ofType(type)),
                count, EVENTS);
    }

    /** Every event about agreement {@code id} now on agreements.v1, in topic order. */
    protected List<ConsumerRecord<String, String>> eventsAbout(Object id) {
        return TopicRecords.all(topics.agreements()).stream()
                .filter(TopicRecords.keyed(String.valueOf(id))).toList();
    }

    protected static Predicate<ConsumerRecord<String, String>> ofType(String type) {
        return record -> type.equals(header(record, "ce_type"));
    }

    protected static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> header(record, "ce_type")).toList();
    }
}
