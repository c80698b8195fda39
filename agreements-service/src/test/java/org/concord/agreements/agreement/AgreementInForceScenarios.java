package org.concord.agreements.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.agreements.AgreementsScenarioSupport;
import org.concord.agreements.agreement.application.AgreementSchedule;
import org.concord.evidence.Json;
import org.concord.evidence.JwkSet;
import org.concord.evidence.VerificationReport;
import org.concord.evidence.Verifier;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * An agreement in force through the API: entry into force by its rule, a party's withdrawal with notice and the
 * quorum, an amendment by protocol, the objection to a renewal; each event checked against the contract.
 */
abstract class AgreementInForceScenarios extends AgreementsScenarioSupport {

    @Autowired
    AgreementSchedule schedule;

    private Map<String, Object> signedBy(Map<String, Object> body, List<String> parties) {
        Map<String, Object> agreement = open(draft(body).get("id"));
        for (String party : parties) {
            agreement = sign(agreement.get("id"), party, agreement.get("contentHash"));
        }
        return agreement;
    }

    private static LocalDate today() {
        return LocalDate.now(java.time.ZoneOffset.UTC);
    }

    private static Map<String, Object> notice(String party, String reason) {
        return Map.of("party", party, "reason", reason);
    }

    private List<ConsumerRecord<String, String>> allConform(Object id, String lastType) {
        awaitEvents(id, lastType, 1);
        List<ConsumerRecord<String, String>> events = eventsAbout(id);
        events.forEach(EventContract::assertConforms);
        return events;
    }

    @Test
    void a_draft_states_its_provisions_and_a_quorum_puts_it_in_force_before_every_party_signed() {
        Map<String, Object> body = seedMou();
        body.put("entryIntoForce", Map.of("rule", "QUORUM", "quorum", 8));
        body.put("withdrawalNoticeDays", 30);

        Map<String, Object> agreement = signedBy(body, SEED_PARTIES.subList(0, 8));

        assertThat(agreement).containsEntry("status", "IN_FORCE").containsEntry("quorum", 8)
                .containsEntry("withdrawalNoticeDays", 30);
        assertThat((Map<String, Object>) agreement.get("entryIntoForce")).containsEntry("rule", "QUORUM")
                .containsEntry("quorum", 8);
        Map<String, Object> ninth = sign(agreement.get("id"), SEED_PARTIES.get(8), agreement.get("contentHash"));
        assertThat(ninth).containsEntry("status", "IN_FORCE");
        List<ConsumerRecord<String, String>> events = allConform(agreement.get("id"), "concord.agreement.entered-into-force");
        assertThat(types(events)).containsSubsequence("concord.agreement.signature-recorded",
                "concord.agreement.entered-into-force");
    }

    @Test
    void provisions_that_do_not_fit_the_text_are_422_and_unknown_rules_400() {
        Map<String, Object> tooMany = seedMou();
        tooMany.put("quorum", 13);
        post("/api/agreements", tooMany).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("quorum (13)"));
        Map<String, Object> openEnded = seedMou();
        openEnded.put("automaticRenewal", true);
        post("/api/agreements", openEnded).expectStatus().isEqualTo(422);
        Map<String, Object> unknown = seedMou();
        unknown.put("entryIntoForce", Map.of("rule", "SOMETIME"));
        post("/api/agreements", unknown).expectStatus().isBadRequest();
    }

    @Test
    void on_date_the_signed_agreement_enters_into_force_when_the_schedule_reaches_its_date() {
        Map<String, Object> body = seedMou();
        body.put("entryIntoForce", Map.of("rule", "ON_DATE", "date", "2031-01-01"));
        Map<String, Object> signed = signedBy(body, SEED_PARTIES);
        Object id = signed.get("id");
        assertThat(signed).containsEntry("status", "SIGNED");

        schedule.runDueOn(LocalDate.parse("2030-12-31"));
        assertThat(get(id)).containsEntry("status", "SIGNED");
        schedule.runDueOn(LocalDate.parse("2031-01-01"));

        assertThat(get(id)).containsEntry("status", "IN_FORCE").containsEntry("inForceSince", "2031-01-01");
        List<ConsumerRecord<String, String>> events = allConform(id, "concord.agreement.entered-into-force");
        assertThat(events.get(events.size() - 1).value()).contains("\"effectiveOn\":\"2031-01-01\"", "\"rule\":\"ON_DATE\"");
    }

    @Test
    void parties_withdraw_until_fewer_than_the_quorum_remain_and_the_agreement_ends() {
        Map<String, Object> body = seedMou();
        body.put("quorum", 11);
        body.put("withdrawalNoticeDays", 0);
        Map<String, Object> agreement = signedBy(body, SEED_PARTIES);
        String uri = "/api/agreements/" + agreement.get("id") + "/withdrawals";

        postAs(Tokens.signatory("CN-SN"), uri, notice("CN-QH", "not mine to give")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        postAs(Tokens.signatory("CN-QH"), uri, notice("CN-QH", "The programme moves to another framework"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("IN_FORCE")
                .jsonPath("$.parties[?(@.region == 'CN-QH')].withdrawal.effectiveOn").isEqualTo(List.of(today().toString()));
        postAs(Tokens.signatory("CN-QH"), uri, notice("CN-QH", "again")).expectStatus().isEqualTo(409);
        schedule.runDueOn(today());
        assertThat(get(agreement.get("id"))).containsEntry("status", "IN_FORCE");
        postAs(Tokens.signatory("CN-QH"), uri, notice("CN-QH", "again")).expectStatus().isEqualTo(422);
        postAs(Tokens.admin(), uri, notice("CN-XJ", "Notice received in writing by the convener"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_FORCE");
        schedule.runDueOn(today());
        assertThat(get(agreement.get("id"))).containsEntry("status", "TERMINATED");
        postAs(Tokens.admin(), uri, notice("CN-NX", "too late")).expectStatus().isEqualTo(409);

        List<ConsumerRecord<String, String>> events = allConform(agreement.get("id"), "concord.agreement.terminated");
        assertThat(types(events).subList(types(events).size() - 5, types(events).size())).containsExactly(
                "concord.agreement.withdrawal-notified", "concord.agreement.party-withdrawn",
                "concord.agreement.withdrawal-notified", "concord.agreement.party-withdrawn",
                "concord.agreement.terminated");
        assertThat(events.get(events.size() - 1).value()).contains("\"cause\":\"QUORUM_LOST\"");
        assertThat(events.get(events.size() - 2).value()).contains("\"remainingParties\":10");
    }

    @Test
    void a_withdrawal_with_notice_takes_effect_when_the_schedule_reaches_its_date() {
        Map<String, Object> agreement = signedBy(seedMou(), SEED_PARTIES);
        String uri = "/api/agreements/" + agreement.get("id");
        Map<String, Object> notified = postAs(Tokens.signatory("CN-GS"), uri + "/withdrawals", notice("CN-GS", "leaving"))
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        Map<String, Object> party = ((List<Map<String, Object>>) notified.get("parties")).stream()
                .filter(p -> p.get("region").equals("CN-GS")).findFirst().orElseThrow();
        LocalDate effective = LocalDate.parse((String) ((Map<String, Object>) party.get("withdrawal")).get("effectiveOn"));

        schedule.runDueOn(effective);

        List<ConsumerRecord<String, String>> events = allConform(agreement.get("id"), "concord.agreement.party-withdrawn");
        assertThat(types(events)).filteredOn("concord.agreement.party-withdrawn"::equals).hasSize(1);
        assertThat(get(agreement.get("id"))).containsEntry("status", "IN_FORCE");
    }

    @Test
    void an_amendment_signed_by_every_party_in_force_changes_the_text_and_the_evidence_still_verifies() {
        Map<String, Object> agreement = signedBy(seedMou(), SEED_PARTIES);
        Object id = agreement.get("id");
        String uri = "/api/agreements/" + id;
        List<String> commitments = new java.util.ArrayList<>((List<String>) agreement.get("commitments"));
        commitments.add("Hold a joint review of the cooperation each September in Nanning");

        postAs(Tokens.admin(), uri + "/amendments", Map.of("parties", List.of("CN-GX", "CN-SC"))).expectStatus()
                .isEqualTo(422);
        postAs(Tokens.admin(), uri + "/amendments", Map.of("quorum", 3)).expectStatus().isBadRequest();
        Map<String, Object> opened = postAs(Tokens.admin(), uri + "/amendments", Map.of("commitments", commitments))
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        Map<String, Object> amendment = (Map<String, Object>) opened.get("openAmendment");
        String newHash = (String) amendment.get("contentHash");
        assertThat(amendment).containsEntry("number", 1).containsEntry("previousContentHash", SEED_CONTENT_HASH);
        postAs(Tokens.admin(), uri + "/amendments", Map.of("title", "Another")).expectStatus().isEqualTo(409);
        postSignature(uri + "/amendments/1", signature("CN-GX", SEED_CONTENT_HASH)).expectStatus().isEqualTo(422);

        Map<String, Object> adopted = null;
        for (String party : SEED_PARTIES) {
            adopted = postSignature(uri + "/amendments/1", signature(party, newHash)).expectStatus().isOk()
                    .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        }

        assertThat(adopted).containsEntry("contentHash", newHash).containsEntry("textVersion", 2)
                .containsEntry("openAmendment", null);
        assertThat((List<?>) adopted.get("commitments")).hasSize(6);
        List<ConsumerRecord<String, String>> events = allConform(id, "concord.agreement.amendment-adopted");
        assertThat(types(events)).filteredOn("concord.agreement.amendment-signed"::equals).hasSize(12);
        var history = web.get().uri(uri + "/history").exchange().expectStatus().isOk().expectBody(JSON_OBJECT)
                .returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) history.get("entries"))
                .filteredOn(e -> e.get("type").equals("amendment-opened")).singleElement()
                .satisfies(e -> assertThat(Json.write(e.get("details"))).contains(newHash, "joint review"));
        VerificationReport report = new Verifier(Verifier.Options.DEFAULT.trustingServiceKeys(publishedServiceKeys()))
                .verify(evidence(id));
        assertThat(report.passed()).as(report.toText()).isTrue();
    }

    @Test
    void a_party_objects_to_the_automatic_renewal_once_and_then_the_term_ends() {
        Map<String, Object> body = seedMou();
        body.put("term", Map.of("effectiveFrom", "2030-01-01", "until", "2030-12-31"));
        body.put("automaticRenewal", true);
        body.put("renewalObjectionDays", 60);
        Map<String, Object> agreement = signedBy(body, SEED_PARTIES);
        assertThat(agreement).containsEntry("termEndsOn", "2030-12-31").containsEntry("renewalObjectionDeadline", "2030-11-01");
        String uri = "/api/agreements/" + agreement.get("id") + "/renewal-objections";

        postAs(Tokens.signatory("CN-SC"), uri, notice("CN-YN", "not mine")).expectStatus().isForbidden();
        postAs(Tokens.signatory("CN-SC"), uri, notice("CN-SC", "A renegotiated memorandum instead"))
                .expectStatus().isOk().expectBody().jsonPath("$.renewalObjection.party").isEqualTo("CN-SC");
        postAs(Tokens.signatory("CN-YN"), uri, notice("CN-YN", "me too")).expectStatus().isEqualTo(409);
        schedule.runDueOn(LocalDate.parse("2030-12-01"));
        schedule.runDueOn(LocalDate.parse("2031-01-01"));

        assertThat(get(agreement.get("id"))).containsEntry("status", "EXPIRED");
        List<ConsumerRecord<String, String>> events = allConform(agreement.get("id"), "concord.agreement.expired");
        assertThat(types(events)).contains("concord.agreement.renewal-objected", "concord.agreement.term-ending");
    }

    @Test
    void a_term_without_objection_renews_and_each_step_answers_with_its_etag() {
        Map<String, Object> body = seedMou();
        body.put("term", Map.of("effectiveFrom", "2032-01-01", "until", "2032-12-31"));
        body.put("automaticRenewal", true);
        Map<String, Object> agreement = signedBy(body, SEED_PARTIES);
        Object id = agreement.get("id");

        schedule.runDueOn(LocalDate.parse("2033-01-01"));

        web.get().uri("/api/agreements/" + id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + ((int) agreement.get("version") + 1) + "\"")
                .expectBody().jsonPath("$.termEndsOn").isEqualTo("2033-12-31").jsonPath("$.status").isEqualTo("IN_FORCE");
        List<ConsumerRecord<String, String>> events = allConform(id, "concord.agreement.renewed");
        assertThat(events.get(events.size() - 1).value()).contains("\"previousEnd\":\"2032-12-31\"",
                "\"newEnd\":\"2033-12-31\"");
    }

    private byte[] evidence(Object id) {
        return web.get().uri("/api/agreements/" + id + "/evidence").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private JwkSet publishedServiceKeys() {
        byte[] keys = web.get().uri("/api/evidence/keys").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return JwkSet.fromJson(Json.parse(new String(keys, StandardCharsets.UTF_8)), "the published keys");
    }
}
