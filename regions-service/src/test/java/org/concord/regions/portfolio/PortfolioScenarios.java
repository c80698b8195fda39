package org.concord.regions.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.regions.RegionsServiceTest;
import org.concord.testsupport.contract.ContractExample;
import org.concord.testsupport.contract.ContractExamples;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portfolio projection fed from the agreements topic with the contract's example events: what a region
 * is party to, whom it signed with, redeliveries, stale versions, poison records and the rebuild.
 */
@RegionsServiceTest
abstract class PortfolioScenarios {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT_REGION = new AtomicInteger();

    @Autowired
    WebTestClient web;
    @Autowired
    ConcordTopics topics;
    @Autowired
    DatabaseClient db;

    record Party(String region, boolean signed, String withdrawnOn) {
    }

    record Listed(List<Map<String, Object>> items, int page, int size, long total) {
    }

    // ----- scenario helpers

    /** Registers a region of this test's own (so counts do not depend on other tests) and returns its code. */
    String region() {
        String suffix = Integer.toString(NEXT_REGION.getAndIncrement(), 36).toUpperCase();
        String code = "CN-Y" + (suffix.length() == 1 ? "0" + suffix : suffix);
        web.post().uri("/api/regions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "name", "Portfolio Test " + code, "nativeName", "测试",
                        "type", "PROVINCE"))
                .exchange().expectStatus().isCreated();
        return code;
    }

    /** The contract's example of {@code ceType}, about agreement {@code id}, with these parties, status and version. */
    static ContractExample event(String ceType, String id, String status, int version, Party... parties) {
        return ContractExamples.example(ceType).withNewId().withSubject(id).withData(data -> {
            ObjectNode agreement = (ObjectNode) data.get("agreement");
            agreement.put("id", id);
            agreement.put("status", status);
            agreement.put("version", version);
            ArrayNode list = agreement.putArray("parties");
            for (Party party : parties) {
                ObjectNode node = list.addObject().put("region", party.region()).put("signed", party.signed());
                if (party.signed()) {
                    node.put("signedAt", "2024-09-24T02:10:00Z").put("inForceSince", "2024-09-24");
                } else {
                    node.putNull("signedAt").putNull("inForceSince");
                }
                node.putNull("withdrawal").put("withdrawnOn", party.withdrawnOn());
            }
            if (data.has("partyCount")) {
                data.put("partyCount", java.util.Arrays.stream(parties).filter(p -> p.withdrawnOn() == null).count());
            }
            if (data.has("remainingParties")) {
                data.put("remainingParties",
                        java.util.Arrays.stream(parties).filter(p -> p.signed() && p.withdrawnOn() == null).count());
            }
            return data;
        });
    }

    static Party signed(String region) {
        return new Party(region, true, null);
    }

    static Party unsigned(String region) {
        return new Party(region, false, null);
    }

    static Party withdrawn(String region, String on) {
        return new Party(region, true, on);
    }

    void send(ContractExample example) {
        TestKafka.send(example.toRecord(topics.agreements()));
    }

    Listed agreementsOf(String region) {
        return web.get().uri("/api/regions/{code}/agreements?size=100", region).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Listed>() { })
                .returnResult().getResponseBody();
    }

    Listed partnersOf(String region) {
        return web.get().uri("/api/regions/{code}/partners?size=100", region).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Listed>() { })
                .returnResult().getResponseBody();
    }

    Map<String, Object> agreementOf(String region, String agreementId) {
        return agreementsOf(region).items().stream()
                .filter(item -> agreementId.equals(item.get("id"))).findFirst().orElse(null);
    }

    /** Waits until the agreement shows in the region's portfolio at this version. */
    Map<String, Object> awaitAgreement(String region, String agreementId, int version) {
        return await("agreement " + agreementId + " v" + version + " in the portfolio of " + region).atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> agreementOf(region, agreementId),
                        item -> item != null && ((Number) item.get("version")).intValue() == version);
    }

    /**
     * Sends a marker event about an agreement of its own and waits for it: the topic has one partition, so
     * everything sent before has been consumed by then.
     */
    void awaitConsumedSoFar() {
        String region = region();
        String marker = UUID.randomUUID().toString();
        send(event("concord.agreement.drafted", marker, "DRAFT", 1, unsigned(region), unsigned(region())));
        awaitAgreement(region, marker, 1);
    }

    long processedRecords(String ceId) {
        return db.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = :id").bind("id", ceId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    // ----- scenarios

    @Test
    void every_agreement_event_of_the_contract_is_understood() {
        record Expected(String party, String status) {
        }
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (String type : EventContract.eventTypes()) {
            if (!type.startsWith("concord.agreement.")) {
                continue;
            }
            String id = UUID.randomUUID().toString();
            ContractExample example = ContractExamples.example(type).withNewId().withSubject(id)
                    .withData(data -> {
                        ((ObjectNode) data.get("agreement")).put("id", id);
                        return data;
                    });
            EventContract.assertConforms(example.toRecord(topics.agreements()));
            var agreement = example.dataNode().path("agreement");
            expected.put(id, new Expected(agreement.path("parties").get(0).path("region").asString(),
                    agreement.path("status").asString()));
            send(example);
        }

        assertThat(expected).hasSize(17);
        expected.forEach((id, what) -> await().atMost(WAIT).untilAsserted(() ->
                assertThat(agreementOf(what.party(), id)).isNotNull().containsEntry("status", what.status())));
    }

    @Test
    void an_agreement_lists_in_each_partys_portfolio_with_that_partys_signing_state() {
        String gx = region();
        String sc = region();
        String id = UUID.randomUUID().toString();

        send(event("concord.agreement.drafted", id, "DRAFT", 1, unsigned(gx), unsigned(sc)));
        assertThat(awaitAgreement(gx, id, 1)).containsEntry("status", "DRAFT").containsEntry("signed", false)
                .containsEntry("partyCount", 2);
        send(event("concord.agreement.signature-recorded", id, "OPEN", 3, signed(gx), unsigned(sc)));

        assertThat(awaitAgreement(gx, id, 3)).containsEntry("status", "OPEN").containsEntry("signed", true)
                .containsEntry("signedAt", "2024-09-24T02:10:00Z");
        assertThat(awaitAgreement(sc, id, 3)).containsEntry("status", "OPEN").containsEntry("signed", false)
                .containsEntry("signedAt", null);
        assertThat(partnersOf(gx).items()).as("an OPEN agreement makes no partners").isEmpty();
    }

    @Test
    void partners_are_the_regions_a_region_shares_signed_agreements_with_and_how_many() {
        String gx = region();
        String sc = region();
        String yn = region();
        String xz = region();

        send(event("concord.agreement.signed", UUID.randomUUID().toString(), "SIGNED", 14, signed(gx), signed(sc), signed(yn)));
        send(event("concord.agreement.signed", UUID.randomUUID().toString(), "SIGNED", 9, signed(gx), signed(sc)));
        String open = UUID.randomUUID().toString();
        send(event("concord.agreement.opened", open, "OPEN", 2, unsigned(gx), unsigned(xz)));
        awaitAgreement(gx, open, 2);

        Listed partners = partnersOf(gx);
        assertThat(partners.total()).isEqualTo(2);
        assertThat(partners.items()).extracting(p -> p.get("region"), p -> p.get("signedAgreements"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sc, 2), org.assertj.core.groups.Tuple.tuple(yn, 1));
        assertThat(partners.items().get(0)).containsEntry("name", "Portfolio Test " + sc);
        assertThat(agreementsOf(gx).total()).isEqualTo(3);
    }

    @Test
    void an_agreement_in_force_is_active_in_each_partys_portfolio_and_makes_partners_of_those_that_signed() {
        String gx = region();
        String sc = region();
        String yn = region();
        String concluded = UUID.randomUUID().toString();
        String byQuorum = UUID.randomUUID().toString();

        send(event("concord.agreement.entered-into-force", concluded, "IN_FORCE", 14, signed(gx), signed(sc)));
        // under a quorum of two the agreement takes effect before Yunnan signed: Yunnan is no partner yet
        send(event("concord.agreement.signature-recorded", byQuorum, "IN_FORCE", 4, signed(gx), signed(sc), unsigned(yn)));

        assertThat(awaitAgreement(sc, concluded, 14)).containsEntry("status", "IN_FORCE")
                .containsEntry("inForceSince", "2024-09-24").containsEntry("partyCount", 2);
        assertThat(awaitAgreement(yn, byQuorum, 4)).containsEntry("status", "IN_FORCE").containsEntry("signed", false)
                .containsEntry("inForceSince", null);
        assertThat(partnersOf(gx).items()).extracting(p -> p.get("region"), p -> p.get("signedAgreements"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sc, 2));
        assertThat(partnersOf(yn).items()).isEmpty();
    }

    @Test
    void a_party_that_withdrew_no_longer_lists_the_agreement_nor_is_anyones_partner_through_it() {
        String gx = region();
        String sc = region();
        String xj = region();
        String id = UUID.randomUUID().toString();
        send(event("concord.agreement.entered-into-force", id, "IN_FORCE", 14, signed(gx), signed(sc), signed(xj)));
        awaitAgreement(xj, id, 14);
        assertThat(partnersOf(gx).items()).extracting(p -> p.get("region")).containsExactlyInAnyOrder(sc, xj);

        send(event("concord.agreement.party-withdrawn", id, "IN_FORCE", 16, signed(gx), signed(sc),
                withdrawn(xj, "2026-05-31")));

        assertThat(awaitAgreement(gx, id, 16)).containsEntry("status", "IN_FORCE").containsEntry("partyCount", 2);
        assertThat(agreementOf(xj, id)).as("the agreement in the portfolio of the party that left").isNull();
        assertThat(agreementsOf(xj).total()).isZero();
        assertThat(partnersOf(gx).items()).extracting(p -> p.get("region")).containsExactly(sc);
        assertThat(partnersOf(xj).items()).isEmpty();
    }

    @Test
    void an_agreement_that_lost_its_quorum_is_terminated_in_the_portfolio_of_the_parties_left_and_makes_no_partners() {
        String gx = region();
        String sc = region();
        String id = UUID.randomUUID().toString();
        send(event("concord.agreement.entered-into-force", id, "IN_FORCE", 14, signed(gx), signed(sc)));
        awaitAgreement(gx, id, 14);

        send(event("concord.agreement.party-withdrawn", id, "TERMINATED", 16, signed(gx), withdrawn(sc, "2026-05-31")));
        send(event("concord.agreement.terminated", id, "TERMINATED", 16, signed(gx), withdrawn(sc, "2026-05-31"))
                .withData(data -> data.put("cause", "QUORUM_LOST")));

        assertThat(awaitAgreement(gx, id, 16)).containsEntry("status", "TERMINATED").containsEntry("partyCount", 1);
        assertThat(agreementOf(sc, id)).isNull();
        assertThat(partnersOf(gx).items()).isEmpty();
    }

    @Test
    void an_adopted_amendment_shows_the_new_text_in_every_partys_portfolio() {
        String gx = region();
        String sc = region();
        String id = UUID.randomUUID().toString();
        ContractExample adopted = event("concord.agreement.amendment-adopted", id, "IN_FORCE", 27, signed(gx), signed(sc));
        String amendedText = adopted.dataNode().path("amendment").path("contentHash").asString();
        String originalText = adopted.dataNode().path("amendment").path("previousContentHash").asString();
        send(event("concord.agreement.amendment-opened", id, "IN_FORCE", 15, signed(gx), signed(sc)));
        assertThat(awaitAgreement(sc, id, 15)).containsEntry("contentHash", originalText).containsEntry("textVersion", 1);

        send(adopted);

        assertThat(awaitAgreement(sc, id, 27)).containsEntry("contentHash", amendedText).containsEntry("textVersion", 2);
        assertThat(awaitAgreement(gx, id, 27)).containsEntry("contentHash", amendedText).containsEntry("textVersion", 2);
    }

    @Test
    void an_event_type_and_a_status_the_portfolio_does_not_know_yet_are_kept_not_dead_lettered() {
        String gx = region();
        String sc = region();
        String id = UUID.randomUUID().toString();
        ContractExample future = event("concord.agreement.signed", id, "SUSPENDED", 20, signed(gx), signed(sc))
                .withHeader("ce_type", "concord.agreement.suspended");

        send(future);

        assertThat(awaitAgreement(gx, id, 20)).containsEntry("status", "SUSPENDED");
        assertThat(processedRecords(future.ceId())).isEqualTo(1);
    }

    @Test
    void the_events_of_a_new_agreement_that_arrive_in_one_poll_are_applied_in_order() {
        String gx = region();
        String sc = region();
        String id = UUID.randomUUID().toString();
        List<ContractExample> events = List.of(
                event("concord.agreement.drafted", id, "DRAFT", 1, unsigned(gx), unsigned(sc)),
                event("concord.agreement.opened", id, "OPEN", 2, unsigned(gx), unsigned(sc)),
                event("concord.agreement.signature-recorded", id, "OPEN", 3, signed(gx), unsigned(sc)),
                event("concord.agreement.signed", id, "SIGNED", 4, signed(gx), signed(sc)));

        // one producer batch: one poll, so one transaction creates the agreement and moves it on three times
        TestKafka.sendTogether(events.stream().map(example -> example.toRecord(topics.agreements())).toList());

        assertThat(awaitAgreement(sc, id, 4)).containsEntry("status", "SIGNED").containsEntry("signed", true);
        assertThat(events).allSatisfy(example -> assertThat(processedRecords(example.ceId())).isEqualTo(1));
        assertThat(partnersOf(gx).items()).extracting(p -> p.get("region")).containsExactly(sc);
    }

    @Test
    void a_redelivered_event_produces_no_second_effect() {
        String gx = region();
        String sc = region();
        String id = UUID.randomUUID().toString();
        ContractExample drafted = event("concord.agreement.drafted", id, "DRAFT", 1, unsigned(gx), unsigned(sc));

        send(drafted);
        awaitAgreement(gx, id, 1);
        send(drafted);
        // The same ce_id carrying a newer snapshot: were it applied, the portfolio would change. It must not be.
        send(drafted.withData(event("concord.agreement.signed", id, "SIGNED", 5, signed(gx), signed(sc)).data()));
        awaitConsumedSoFar();

        assertThat(agreementOf(gx, id)).containsEntry("status", "DRAFT").containsEntry("version", 1);
        assertThat(processedRecords(drafted.ceId())).isEqualTo(1);
        assertThat(partnersOf(gx).items()).isEmpty();
    }

    @Test
    void an_older_snapshot_arriving_after_a_newer_one_changes_nothing() {
        String gx = region();
        String sc = region();
        String id = UUID.randomUUID().toString();

        send(event("concord.agreement.signed", id, "SIGNED", 14, signed(gx), signed(sc)));
        awaitAgreement(gx, id, 14);
        send(event("concord.agreement.drafted", id, "DRAFT", 1, unsigned(gx), unsigned(sc)));
        awaitConsumedSoFar();

        assertThat(agreementOf(gx, id)).containsEntry("status", "SIGNED").containsEntry("version", 14)
                .containsEntry("signed", true);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_later_records_are_still_processed() {
        String gx = region();
        String poisonKey = UUID.randomUUID().toString();
        ContractExample poison = event("concord.agreement.signed", poisonKey, "SIGNED", 3, signed(gx), signed(region()))
                .withData("{\"agreement\": {\"id\": \"" + poisonKey + "\", \"version\": ");
        var headerless = new ProducerRecord<String, String>(topics.agreements(), poisonKey, "{}");
        headerless.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));

        send(poison);
        TestKafka.send(headerless);
        String later = UUID.randomUUID().toString();
        send(event("concord.agreement.drafted", later, "DRAFT", 1, unsigned(gx), unsigned(region())));

        awaitAgreement(gx, later, 1);
        String deadLetters = topics.agreements() + ".regions-service.dlq";
        var dead = TopicRecords.await(deadLetters, TopicRecords.keyed(poisonKey), 2, WAIT);
        assertThat(dead).extracting(record -> record.value())
                .containsExactlyInAnyOrder(poison.data(), "{}");
        assertThat(agreementOf(gx, poisonKey)).isNull();
    }

    @Test
    void a_rebuild_drops_the_portfolio_and_replays_the_topic_to_the_same_result() {
        String gx = region();
        String sc = region();
        String yn = region();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(event("concord.agreement.drafted", first, "DRAFT", 1, unsigned(gx), unsigned(sc), unsigned(yn)));
        send(event("concord.agreement.signed", first, "SIGNED", 14, signed(gx), signed(sc), signed(yn)));
        send(event("concord.agreement.drafted", second, "DRAFT", 1, unsigned(gx), unsigned(sc)));
        send(event("concord.agreement.signature-recorded", second, "OPEN", 3, signed(gx), unsigned(sc)));
        awaitAgreement(gx, first, 14);
        awaitAgreement(gx, second, 3);
        List<Listed> before = new ArrayList<>(List.of(agreementsOf(gx), partnersOf(gx), agreementsOf(sc), partnersOf(sc)));
        // lose part of the projection, as a bug or an operator's mistake would
        db.sql("DELETE FROM portfolio_agreement WHERE agreement_id = :id").bind("id", first).then().block();
        assertThat(agreementOf(gx, first)).isNull();

        Map<String, Object> summary = web.post().uri("/api/admin/portfolio/rebuild").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(summary).containsEntry("topic", topics.agreements());
        assertThat(((Number) summary.get("eventsReplayed")).longValue()).isGreaterThanOrEqualTo(4);
        assertThat(((Number) summary.get("agreements")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(List.of(agreementsOf(gx), partnersOf(gx), agreementsOf(sc), partnersOf(sc))).isEqualTo(before);

        // the live consumer goes on after the rebuild
        String after = UUID.randomUUID().toString();
        send(event("concord.agreement.drafted", after, "DRAFT", 1, unsigned(gx), unsigned(yn)));
        awaitAgreement(gx, after, 1);
    }

    @Test
    void the_portfolio_of_an_unknown_region_is_not_found() {
        web.get().uri("/api/regions/CN-ZZZ/agreements").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/regions/CN-ZZZ/partners").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/regions/CN-GX/partners?size=0").exchange().expectStatus().isBadRequest();
    }
}
