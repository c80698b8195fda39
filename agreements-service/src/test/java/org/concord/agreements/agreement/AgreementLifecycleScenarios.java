package org.concord.agreements.agreement;

import org.concord.agreements.agreement.application.AgreementSchedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.agreements.AgreementsScenarioSupport;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** An agreement's life through the API, and the events it publishes on agreements.v1. */
abstract class AgreementLifecycleScenarios extends AgreementsScenarioSupport {

    @Autowired
    AgreementSchedule schedule;

    // ---- drafting -------------------------------------------------------------------------------------------

    @Test
    void drafting_creates_a_draft_with_location_etag_and_a_drafted_event() {
        var result = post("/api/agreements", seedMou()).expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/agreements/[0-9a-f-]{36}")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(JSON_OBJECT).returnResult();
        Map<String, Object> draft = result.getResponseBody();

        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/agreements/" + draft.get("id"));
        assertThat(draft).containsEntry("status", "DRAFT").containsEntry("version", 1).containsEntry("contentHash", null)
                .containsEntry("convener", "CN-GX").containsEntry("counterpart", "ASEAN");
        assertThat((List<?>) draft.get("commitments")).hasSize(5);
        assertThat((List<Map<String, Object>>) draft.get("parties")).extracting(p -> p.get("region"))
                .containsExactlyElementsOf(SEED_PARTIES);

        ConsumerRecord<String, String> drafted = awaitEvents(draft.get("id"), "concord.agreement.drafted", 1).get(0);
        EventContract.assertConforms(drafted);
        assertThat(header(drafted, "ce_source")).isEqualTo("/concord/agreements-service");
        assertThat(header(drafted, "ce_subject")).isEqualTo(draft.get("id"));
    }

    @Test
    void a_draft_can_be_read_back_with_its_etag() {
        Map<String, Object> draft = draftSeed();

        web.get().uri("/api/agreements/" + draft.get("id")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.title").isEqualTo(draft.get("title"))
                .jsonPath("$.signingEvent.venue").isEqualTo("Nanning")
                .jsonPath("$.term.effectiveFrom").isEqualTo("2024-09-24");
    }

    @Test
    void an_unknown_agreement_is_404_and_a_malformed_id_400() {
        web.get().uri("/api/agreements/00000000-0000-0000-0000-000000000000").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/agreements/not-a-uuid").exchange().expectStatus().isBadRequest();
        post("/api/agreements/00000000-0000-0000-0000-000000000000/open", Map.of()).expectStatus().isNotFound();
    }

    @Test
    void server_owned_fields_cannot_be_set_through_a_body() {
        for (String field : List.of("id", "status", "version", "contentHash", "signatures")) {
            Map<String, Object> body = seedMou();
            body.put(field, "SIGNED");
            post("/api/agreements", body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(field));
        }
    }

    @Test
    void malformed_or_incomplete_drafts_are_400_naming_the_fields() {
        web.post().uri("/api/agreements").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": ")
                .exchange().expectStatus().isBadRequest();
        Map<String, Object> body = seedMou();
        body.remove("title");
        body.put("convener", "guangxi");
        post("/api/agreements", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<String>) fields).contains("title", "convener"));
        Map<String, Object> unknownArea = seedMou();
        unknownArea.put("areas", List.of("E_COMMERCE", "SPACE_TRAVEL"));
        post("/api/agreements", unknownArea).expectStatus().isBadRequest();
        Map<String, Object> badDate = seedMou();
        badDate.put("term", Map.of("effectiveFrom", "2024-13-45"));
        post("/api/agreements", badDate).expectStatus().isBadRequest();
    }

    @Test
    void drafts_that_break_the_rules_are_422() {
        Map<String, Object> oneParty = seedMou();
        oneParty.put("parties", List.of("CN-GX"));
        post("/api/agreements", oneParty).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("at least two parties"));

        Map<String, Object> twice = seedMou();
        twice.put("parties", List.of("CN-GX", "CN-SC", "CN-GX"));
        post("/api/agreements", twice).expectStatus().isEqualTo(422);

        Map<String, Object> outsider = seedMou();
        outsider.put("convener", HAINAN);
        post("/api/agreements", outsider).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("convener CN-HI"));

        Map<String, Object> backwards = seedMou();
        backwards.put("term", Map.of("effectiveFrom", "2024-09-24", "until", "2024-01-01"));
        post("/api/agreements", backwards).expectStatus().isEqualTo(422);
    }

    // ---- amending ---------------------------------------------------------------------------------------------

    @Test
    void a_draft_is_changed_with_a_merge_patch_and_if_match() {
        Map<String, Object> draft = draftSeed();
        String uri = "/api/agreements/" + draft.get("id");

        web.patch().uri(uri).contentType(MediaType.valueOf("application/merge-patch+json"))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("title", "Amended title", "term", Map.of("until", "2029-09-23")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Amended title")
                .jsonPath("$.term.effectiveFrom").isEqualTo("2024-09-24")
                .jsonPath("$.term.until").isEqualTo("2029-09-23")
                .jsonPath("$.version").isEqualTo(2);

        var history = web.get().uri(uri + "/history").exchange().expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) history.get("entries")).extracting(e -> e.get("type"))
                .containsExactly("drafted", "amended");
        assertThat((List<Map<String, Object>>) history.get("entries")).last()
                .satisfies(e -> assertThat(e.get("details")).isEqualTo(Map.of("fields", List.of("title", "term"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_signatory_cannot_sign_for_another_region_and_the_refusal_is_kept_in_the_history() {
        Map<String, Object> open = openSeed();
        String uri = "/api/agreements/" + open.get("id");

        web.post().uri(uri + "/signatures").headers(h -> h.setBearerAuth(Tokens.signatory("CN-SC")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(signature("CN-GZ", (String) open.get("contentHash")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("acts for CN-SC and cannot sign", "for CN-GZ"));

        assertThat(get(open.get("id"))).containsEntry("version", 2);
        var history = web.get().uri(uri + "/history").exchange().expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) history.get("entries")).last().satisfies(entry -> {
            assertThat(entry.get("type")).isEqualTo("signature-refused");
            assertThat(entry.get("eventId")).isNull();
            assertThat((Map<String, Object>) entry.get("details")).containsEntry("party", "CN-GZ")
                    .containsEntry("actsFor", "CN-SC").containsEntry("signer", "signatory-CN-SC@test");
        });
        sign(open.get("id"), "CN-SC", open.get("contentHash"));
    }

    @Test
    void changing_a_draft_needs_its_current_etag() {
        Map<String, Object> draft = draftSeed();
        String uri = "/api/agreements/" + draft.get("id");

        web.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "x"))
                .exchange().expectStatus().isEqualTo(428);
        web.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.IF_MATCH, "\"7\"")
                .bodyValue(Map.of("title", "x")).exchange().expectStatus().isEqualTo(412);
        assertThat(get(draft.get("id"))).containsEntry("title", draft.get("title")).containsEntry("version", 1);
    }

    @Test
    void a_patch_cannot_set_server_owned_fields_or_break_the_draft() {
        String uri = "/api/agreements/" + draftSeed().get("id");

        web.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("status", "SIGNED")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("status"));
        Map<String, Object> noTitle = new LinkedHashMap<>();
        noTitle.put("title", null);
        web.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(noTitle).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("title"));
        web.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("parties", List.of("CN-GX"))).exchange().expectStatus().isEqualTo(422);
        web.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(List.of("not", "an", "object")).exchange().expectStatus().isBadRequest();
    }

    @Test
    void only_a_draft_can_be_changed() {
        Map<String, Object> open = openSeed();

        web.patch().uri("/api/agreements/" + open.get("id")).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"2\"").bodyValue(Map.of("title", "Too late"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("it is OPEN"));
    }

    // ---- opening and signing ------------------------------------------------------------------------------------

    @Test
    void opening_fixes_the_content_hash_of_the_documented_canonical_form() {
        Map<String, Object> open = openSeed();

        assertThat(open).containsEntry("status", "OPEN").containsEntry("contentHash", SEED_CONTENT_HASH)
                .containsEntry("version", 2);
        ConsumerRecord<String, String> opened = awaitEvents(open.get("id"), "concord.agreement.opened", 1).get(0);
        EventContract.assertConforms(opened);
        assertThat(opened.value()).contains("\"contentHash\":\"" + SEED_CONTENT_HASH + "\"");
        post("/api/agreements/" + open.get("id") + "/open", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void a_signature_on_another_content_hash_is_422() {
        Map<String, Object> open = openSeed();

        postSignature("/api/agreements/" + open.get("id"), signature("CN-SC", "sha256:" + "0".repeat(64)))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(SEED_CONTENT_HASH));
        postSignature("/api/agreements/" + open.get("id"), signature("CN-SC", "md5:abc"))
                .expectStatus().isBadRequest();
    }

    @Test
    void a_second_signature_by_the_same_party_is_409_naming_the_rule() {
        Map<String, Object> open = openSeed();
        sign(open.get("id"), "CN-SC", open.get("contentHash"));

        postSignature("/api/agreements/" + open.get("id"), signature("CN-SC", (String) open.get("contentHash")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("CN-SC has already signed"))
                .jsonPath("$.rule").isEqualTo("party-signs-once");
        assertThat(awaitEvents(open.get("id"), "concord.agreement.signature-recorded", 1)).hasSize(1);
    }

    @Test
    void a_region_that_is_not_a_party_cannot_sign_an_open_agreement() {
        Map<String, Object> open = openSeed();

        postSignature("/api/agreements/" + open.get("id"), signature(HAINAN, (String) open.get("contentHash")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("CN-HI is not a party"));
    }

    @Test
    void a_draft_cannot_be_signed() {
        Map<String, Object> draft = draftSeed();

        postSignature("/api/agreements/" + draft.get("id"), signature("CN-SC", SEED_CONTENT_HASH))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void signing_by_last_party_concludes_the_agreement_and_puts_it_in_force() {
        Map<String, Object> signed = signedSeed();
        Object id = signed.get("id");

        assertThat(signed).containsEntry("status", "IN_FORCE").containsEntry("version", 14)
                .containsEntry("textVersion", 1).containsEntry("quorum", 2);
        assertThat(signed.get("inForceSince")).isNotNull();
        assertThat(signed.get("concludedAt")).isNotNull();
        assertThat((List<Map<String, Object>>) signed.get("parties")).allSatisfy(party -> {
            assertThat(party).containsEntry("signed", true).containsEntry("acceded", false);
            assertThat(party.get("signatory")).isNotNull();
        });

        awaitEvents(id, "concord.agreement.entered-into-force", 1);
        List<ConsumerRecord<String, String>> events = eventsAbout(id);
        assertThat(types(events)).containsExactly("concord.agreement.drafted", "concord.agreement.opened",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signed", "concord.agreement.entered-into-force");
        events.forEach(EventContract::assertConforms);
        assertThat(events.get(13).value()).contains("\"signatureCount\":12", "\"partyCount\":12", "\"status\":\"IN_FORCE\"");
        assertThat(events.get(14).value()).contains("\"partyCount\":12", "\"concludedAt\"");
        assertThat(events.get(15).value()).contains("\"rule\":\"ALL_SIGNATURES\"", "\"party\":null");
    }

    @Test
    void a_region_signing_an_agreement_in_force_accedes_to_it() {
        Map<String, Object> signed = signedSeed();
        Object id = signed.get("id");

        Map<String, Object> grown = sign(id, HAINAN, signed.get("contentHash"));

        assertThat(grown).containsEntry("status", "IN_FORCE").containsEntry("contentHash", SEED_CONTENT_HASH);
        assertThat((List<Map<String, Object>>) grown.get("parties")).hasSize(13).last()
                .satisfies(party -> assertThat(party).containsEntry("region", HAINAN).containsEntry("acceded", true));
        ConsumerRecord<String, String> acceded = awaitEvents(id, "concord.agreement.party-acceded", 1).get(0);
        EventContract.assertConforms(acceded);
        assertThat(acceded.value()).contains("\"partyCount\":13", "\"party\":\"CN-HI\"");
        postSignature("/api/agreements/" + id, signature(HAINAN, SEED_CONTENT_HASH)).expectStatus().isEqualTo(409);
    }

    // ---- end of life ---------------------------------------------------------------------------------------------

    @Test
    void a_draft_or_open_agreement_is_withdrawn_with_a_reason() {
        Map<String, Object> open = openSeed();
        String uri = "/api/agreements/" + open.get("id");

        post(uri + "/withdraw", Map.of()).expectStatus().isBadRequest();
        post(uri + "/withdraw", Map.of("reason", " ")).expectStatus().isBadRequest();
        Map<String, Object> withdrawn = post(uri + "/withdraw", Map.of("reason", "The event was postponed"))
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(withdrawn).containsEntry("status", "WITHDRAWN").containsEntry("endReason", "The event was postponed");
        ConsumerRecord<String, String> event = awaitEvents(open.get("id"), "concord.agreement.withdrawn", 1).get(0);
        EventContract.assertConforms(event);
        assertThat(event.value()).contains("\"reason\":\"The event was postponed\"");
        post(uri + "/withdraw", Map.of("reason", "again")).expectStatus().isEqualTo(409);
        postSignature(uri, signature("CN-SC", SEED_CONTENT_HASH)).expectStatus().isEqualTo(409);

        Map<String, Object> draft = draftSeed();
        post("/api/agreements/" + draft.get("id") + "/withdraw", Map.of("reason", "Drafted by mistake"))
                .expectStatus().isOk();
        EventContract.assertConforms(awaitEvents(draft.get("id"), "concord.agreement.withdrawn", 1).get(0));
    }

    @Test
    void a_signed_agreement_is_terminated_with_a_reason_and_cannot_be_withdrawn() {
        Map<String, Object> signed = signedSeed();
        String uri = "/api/agreements/" + signed.get("id");

        post(uri + "/withdraw", Map.of("reason", "Too late")).expectStatus().isEqualTo(409);
        post(uri + "/terminate", Map.of("reason", "Superseded by the 2026 MoU")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("TERMINATED");

        EventContract.assertConforms(awaitEvents(signed.get("id"), "concord.agreement.terminated", 1).get(0));
        post(uri + "/terminate", Map.of("reason", "again")).expectStatus().isEqualTo(409);
        postSignature(uri, signature(HAINAN, SEED_CONTENT_HASH)).expectStatus().isEqualTo(409);
    }

    @Test
    void an_open_agreement_cannot_be_terminated() {
        Map<String, Object> open = openSeed();

        post("/api/agreements/" + open.get("id") + "/terminate", Map.of("reason", "x")).expectStatus().isEqualTo(409);
    }

    @Test
    void a_signed_agreement_expires_once_its_term_has_ended() {
        Map<String, Object> body = seedMou();
        body.put("term", Map.of("effectiveFrom", "2024-09-24", "until", "2025-09-23"));
        Map<String, Object> agreement = open(draft(body).get("id"));
        for (String party : SEED_PARTIES) {
            agreement = sign(agreement.get("id"), party, agreement.get("contentHash"));
        }
        Object id = agreement.get("id");

        schedule.runDueOn(LocalDate.parse("2025-09-23"));
        assertThat(get(id)).as("still in force on its last day").containsEntry("status", "IN_FORCE");
        schedule.runDueOn(LocalDate.parse("2025-09-24"));

        assertThat(get(id)).containsEntry("status", "EXPIRED");
        ConsumerRecord<String, String> expired = awaitEvents(id, "concord.agreement.expired", 1).get(0);
        EventContract.assertConforms(expired);
        assertThat(expired.value()).contains("\"expiredOn\":\"2025-09-24\"");
        post("/api/agreements/" + id + "/terminate", Map.of("reason", "x")).expectStatus().isEqualTo(409);
    }

    // ---- audit trail and lists -------------------------------------------------------------------------------------

    @Test
    void every_change_is_in_the_audit_trail_in_order_with_the_id_of_its_event() {
        Map<String, Object> open = openSeed();
        Object id = open.get("id");
        sign(id, "CN-GX", open.get("contentHash"));
        sign(id, "CN-SC", open.get("contentHash"));
        post("/api/agreements/" + id + "/withdraw", Map.of("reason", "Postponed")).expectStatus().isOk();

        Map<String, Object> history = web.get().uri("/api/agreements/" + id + "/history").exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        List<Map<String, Object>> entries = (List<Map<String, Object>>) history.get("entries");

        assertThat(entries).extracting(e -> e.get("type"))
                .containsExactly("drafted", "opened", "signature-recorded", "signature-recorded", "withdrawn");
        assertThat(entries).extracting(e -> e.get("version")).containsExactly(1, 2, 3, 4, 5);
        assertThat(entries.get(2).get("details")).satisfies(details -> assertThat((Map<String, Object>) details)
                .containsEntry("signatureCount", 1).containsEntry("partyCount", 12));
        List<ConsumerRecord<String, String>> events = awaitEvents(id, "concord.agreement.withdrawn", 1);
        assertThat(entries).extracting(e -> e.get("eventId"))
                .containsExactlyElementsOf(eventsAbout(id).stream().map(r -> header(r, "ce_id")).toList());
        assertThat(events).isNotEmpty();
        web.get().uri("/api/agreements/00000000-0000-0000-0000-000000000000/history").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void agreements_are_listed_by_status_and_party_in_pages_of_capped_size() {
        Map<String, Object> body = seedMou();
        String outsider = freshRegionCode();
        publishRegion("concord.region.registered", outsider, true, 1);
        awaitReplicated(List.of(outsider));
        body.put("parties", List.of("CN-GX", outsider));
        Object draftId = draft(body).get("id");
        body.put("title", "Opened one");
        Object openId = open(draft(body).get("id")).get("id");

        Map<String, Object> withOutsider = web.get().uri("/api/agreements?party=" + outsider).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(withOutsider).containsEntry("total", 2).containsEntry("page", 0).containsEntry("size", 20);
        assertThat((List<Map<String, Object>>) withOutsider.get("items")).extracting(a -> a.get("id"))
                .containsExactly(openId, draftId);

        Map<String, Object> openWithOutsider = web.get().uri("/api/agreements?status=OPEN&party=" + outsider)
                .exchange().expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) openWithOutsider.get("items")).extracting(a -> a.get("id"))
                .containsExactly(openId);

        Map<String, Object> secondPage = web.get().uri("/api/agreements?party=" + outsider + "&page=1&size=1")
                .exchange().expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) secondPage.get("items")).extracting(a -> a.get("id"))
                .containsExactly(draftId);

        web.get().uri("/api/agreements?size=100000").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(100);
        web.get().uri("/api/agreements?status=SIGNED_AND_SEALED").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/agreements?party=guangxi").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/agreements?page=-1").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/agreements?page=abc").exchange().expectStatus().isBadRequest();
    }

    @Test
    void a_draft_or_a_signatory_name_with_a_lone_surrogate_is_refused_with_400_because_it_cannot_be_hashed() {
        String draft = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(seedMou())
                .replace("Memorandum of Understanding on Silk Road", "Memorandum \\ud83d of Understanding on Silk Road");
        web.post().uri("/api/agreements").contentType(MediaType.APPLICATION_JSON).bodyValue(draft).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("title holds a lone surrogate (U+D83D"));

        Map<String, Object> open = openSeed();
        String signature = """
                {"party":"CN-SC","contentHash":"%s","signatory":{"name":"Wang \\udc00","title":"T","organisation":"O"}}"""
                .formatted(open.get("contentHash"));
        web.post().uri("/api/agreements/" + open.get("id") + "/signatures")
                .headers(headers -> headers.setBearerAuth(Tokens.signatory("CN-SC")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(signature).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("signatory.name holds a lone surrogate (U+DC00"));
    }
}
