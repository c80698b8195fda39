package org.concord.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link EventContract} accepts and what it rejects, told with the contract's own examples. */
class EventContractTest {

    private static final String AGREEMENTS_TOPIC = "agreements.v1-3f2a";
    private static final String REGIONS_TOPIC = "regions.v1-3f2a";

    static List<String> eventTypes() {
        return EventContract.eventTypes();
    }

    private static ContractExample signed() {
        return ContractExamples.example("concord.agreement.signed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void every_example_conforms_on_its_default_topic(String ceType) {
        ContractExample example = ContractExamples.example(ceType);

        assertThat(example.topic()).isEqualTo(EventContract.topicOf(ceType));
        assertThat(EventContract.violations(example.toConsumerRecord(example.topic()))).isEmpty();
        assertThatCode(() -> EventContract.assertConforms(example.toConsumerRecord(example.topic()))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void every_example_conforms_on_a_per_test_topic_and_before_it_is_addressed(String ceType) {
        ContractExample example = ContractExamples.example(ceType);

        EventContract.assertConforms(example.toRecord(example.topic() + "-3f2a"));
        EventContract.assertConforms(example.key(), example.headers(), example.data());
    }

    @Test
    void a_record_as_it_arrives_from_kafka_with_byte_array_key_and_value_conforms() {
        ContractExample example = signed();
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(AGREEMENTS_TOPIC, 0, 42L,
                example.key().getBytes(StandardCharsets.UTF_8), example.data().getBytes(StandardCharsets.UTF_8));
        example.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));

        assertThatCode(() -> EventContract.assertConforms(record)).doesNotThrowAnyException();
    }

    @Test
    void a_record_with_unknown_data_properties_conforms_because_consumers_ignore_them() {
        ContractExample example = signed().withData(data -> {
            data.put("signingEvent", "2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event");
            data.withObjectProperty("agreement").put("summary", "Exchanges and cooperation in e-commerce with ASEAN");
            return data;
        });

        assertThat(EventContract.violations(AGREEMENTS_TOPIC, example.key(), example.headers(), example.data())).isEmpty();
    }

    @Test
    void record_without_ce_id_is_rejected() {
        ContractExample example = signed().withoutHeader("ce_id");

        assertThatThrownBy(() -> EventContract.assertConforms(example.toConsumerRecord(AGREEMENTS_TOPIC)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks the Concord event contract")
                .hasMessageContaining("ce_id is missing");
    }

    @Test
    void record_with_a_ce_id_that_is_no_uuid_is_rejected() {
        ContractExample example = signed().withHeader("ce_id", "signed-1");

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation)
                .startsWith("header ce_id").contains("signed-1"));
    }

    @Test
    void record_with_wrong_specversion_content_type_or_local_time_is_rejected_header_by_header() {
        ContractExample example = signed()
                .withHeader("ce_specversion", "0.3")
                .withHeader("content-type", "text/plain")
                .withHeader("ce_time", "2024-09-24T10:21:00+08:00");

        assertThat(violationsOf(example))
                .anySatisfy(violation -> assertThat(violation).startsWith("header ce_specversion"))
                .anySatisfy(violation -> assertThat(violation).startsWith("header content-type"))
                .anySatisfy(violation -> assertThat(violation).startsWith("header ce_time"));
    }

    @Test
    void record_with_a_json_encoded_header_value_is_rejected() {
        ContractExample example = signed().withHeader("ce_specversion", "\"1.0\"");

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation)
                .startsWith("header ce_specversion").contains("\"1.0\""));
    }

    @Test
    void record_from_another_service_than_the_topic_owner_is_rejected() {
        ContractExample example = signed().withHeader("ce_source", "/concord/regions-service");

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation)
                .startsWith("header ce_source").contains("/concord/agreements-service"));
    }

    @Test
    void record_of_an_unknown_type_is_rejected() {
        ContractExample example = signed().withHeader("ce_type", "concord.agreement.finished");

        assertThatThrownBy(() -> EventContract.assertConforms(example.toConsumerRecord(AGREEMENTS_TOPIC)))
                .hasMessageContaining("header ce_type")
                .hasMessageContaining("concord.agreement.finished");
    }

    @Test
    void record_whose_status_is_not_in_the_lifecycle_is_rejected_naming_the_field() {
        ContractExample example = signed().withData(data -> {
            data.withObjectProperty("agreement").put("status", "FINISHED");
            return data;
        });

        assertThatThrownBy(() -> EventContract.assertConforms(example.toConsumerRecord(AGREEMENTS_TOPIC)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("data $.agreement.status");
    }

    @Test
    void record_whose_agreement_has_no_id_is_rejected_naming_the_field() {
        ContractExample example = signed().withData(data -> {
            data.withObjectProperty("agreement").remove("id");
            return data;
        });

        assertThatThrownBy(() -> EventContract.assertConforms(example.toConsumerRecord(AGREEMENTS_TOPIC)))
                .hasMessageContaining("data $.agreement")
                .hasMessageContaining("id");
    }

    @Test
    void signed_event_with_a_party_still_to_sign_is_rejected() {
        ContractExample example = signed().withData(data -> {
            var party = (tools.jackson.databind.node.ObjectNode) data.withObjectProperty("agreement").withArrayProperty("parties").get(11);
            party.put("signed", false);
            party.putNull("signedAt");
            return data;
        });

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation)
                .startsWith("data $.agreement.parties[11].signed"));
    }

    @Test
    void record_with_a_malformed_content_hash_or_region_code_is_rejected() {
        ContractExample example = signed().withData(data -> {
            data.withObjectProperty("agreement").put("contentHash", "md5:abc");
            data.withObjectProperty("agreement").put("convener", "Guangxi");
            return data;
        });

        assertThat(violationsOf(example))
                .anySatisfy(violation -> assertThat(violation).startsWith("data $.agreement.contentHash"))
                .anySatisfy(violation -> assertThat(violation).startsWith("data $.agreement.convener"));
    }

    @Test
    void record_whose_key_is_not_its_subject_is_rejected() {
        ContractExample example = signed().withKey("CN-GX");

        assertThatThrownBy(() -> EventContract.assertConforms(example.toConsumerRecord(AGREEMENTS_TOPIC)))
                .hasMessageContaining("record key 'CN-GX' differs from ce_subject '" + signed().ceSubject() + "'");
    }

    @Test
    void record_without_key_is_rejected() {
        ContractExample example = signed().withKey(null);

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation).startsWith("record key is missing"));
    }

    @Test
    void record_whose_data_is_about_another_aggregate_than_its_subject_is_rejected() {
        ContractExample example = signed().withSubject("14ca2446-8fcf-495d-8794-998ceec2799a");

        assertThat(violationsOf(example)).containsExactly(
                "data agreement.id '" + signed().key() + "' differs from ce_subject '14ca2446-8fcf-495d-8794-998ceec2799a'");
    }

    @Test
    void a_type_on_the_wrong_topic_is_rejected() {
        ContractExample example = ContractExamples.example("concord.region.registered");

        assertThatThrownBy(() -> EventContract.assertConforms(example.toConsumerRecord(AGREEMENTS_TOPIC)))
                .hasMessageContaining("ce_type concord.region.registered belongs on topic regions.v1, not on '" + AGREEMENTS_TOPIC + "'");
    }

    @Test
    void a_dead_letter_topic_counts_as_its_source_topic() {
        ContractExample example = signed();

        assertThat(EventContract.violations(example.toConsumerRecord("agreements.v1-3f2a.notifications-service.dlq"))).isEmpty();
    }

    @Test
    void a_record_on_a_topic_outside_the_contract_is_rejected() {
        assertThat(EventContract.violations(signed().toConsumerRecord("orders.v1")))
                .anySatisfy(violation -> assertThat(violation).startsWith("topic 'orders.v1' is none of the contract's topics"));
    }

    @Test
    void counts_that_disagree_with_the_snapshot_are_rejected() {
        ContractExample example = ContractExamples.example("concord.agreement.signature-recorded").withData(data -> {
            data.put("signatureCount", 3);
            data.put("partyCount", 11);
            return data;
        });

        assertThat(EventContract.violations(AGREEMENTS_TOPIC, example.key(), example.headers(), example.data()))
                .contains("data partyCount 11 differs from the 12 parties (not withdrawn) of the agreement snapshot",
                        "data signatureCount 3 differs from the 2 signatures of the agreement snapshot");
    }

    @Test
    void an_amendment_signature_is_counted_against_the_open_amendment_and_the_parties_not_withdrawn() {
        ContractExample example = ContractExamples.example("concord.agreement.amendment-signed").withData(data -> {
            data.put("signatureCount", 12);
            ((tools.jackson.databind.node.ObjectNode) data.withObjectProperty("agreement").withArrayProperty("parties").get(10))
                    .put("withdrawnOn", "2025-09-24");
            return data;
        });

        assertThat(violationsOf(example)).contains(
                "data partyCount 12 differs from the 11 parties (not withdrawn) of the agreement snapshot",
                "data signatureCount 12 differs from the 2 signatures of the agreement snapshot's open amendment");
    }

    @Test
    void an_adopted_amendment_is_the_current_text_and_an_opened_one_amends_it() {
        String otherText = "sha256:" + "0".repeat(64);
        ContractExample adopted = ContractExamples.example("concord.agreement.amendment-adopted").withData(data -> {
            data.withObjectProperty("amendment").put("contentHash", otherText);
            data.put("textVersion", 3);
            return data;
        });
        ContractExample opened = ContractExamples.example("concord.agreement.amendment-opened").withData(data -> {
            data.withObjectProperty("amendment").put("previousContentHash", otherText);
            return data;
        });

        assertThat(violationsOf(adopted)).contains(
                "data amendment.contentHash differs from agreement.contentHash: the adopted text is the current one",
                "data textVersion differs from agreement.textVersion");
        assertThat(violationsOf(opened)).contains(
                "data amendment.previousContentHash differs from agreement.contentHash: an amendment amends the current text");
    }

    @Test
    void the_parties_remaining_after_a_withdrawal_agree_with_the_snapshot() {
        ContractExample example = ContractExamples.example("concord.agreement.party-withdrawn").withData(data -> {
            data.put("remainingParties", 12);
            return data;
        });

        assertThat(violationsOf(example)).contains(
                "data remainingParties 12 differs from the 11 signed parties not withdrawn of the agreement snapshot");
    }

    @Test
    void a_concluded_agreement_may_be_in_force_but_an_event_of_a_party_in_force_needs_an_agreement_in_force() {
        ContractExample signedInForce = signed().withData(data -> {
            data.withObjectProperty("agreement").put("status", "IN_FORCE");
            return data;
        });
        ContractExample enteredWhileOpen = ContractExamples.example("concord.agreement.entered-into-force").withData(data -> {
            data.withObjectProperty("agreement").put("status", "OPEN");
            return data;
        });

        assertThat(violationsOf(signedInForce)).isEmpty();
        assertThat(violationsOf(enteredWhileOpen)).anySatisfy(violation -> assertThat(violation)
                .startsWith("data $.agreement.status"));
    }

    @Test
    void an_entry_into_force_rule_carries_its_quorum_or_date_and_nothing_else() {
        ContractExample quorumWithoutNumber = ContractExamples.example("concord.agreement.entered-into-force").withData(data -> {
            data.withObjectProperty("agreement").withObjectProperty("entryIntoForce").put("rule", "QUORUM");
            data.put("rule", "QUORUM");
            return data;
        });
        ContractExample allSignaturesWithDate = ContractExamples.example("concord.agreement.entered-into-force").withData(data -> {
            data.withObjectProperty("agreement").withObjectProperty("entryIntoForce").put("date", "2024-10-01");
            return data;
        });

        assertThat(violationsOf(quorumWithoutNumber)).anySatisfy(violation -> assertThat(violation)
                .startsWith("data $.agreement.entryIntoForce"));
        assertThat(violationsOf(allSignaturesWithDate)).anySatisfy(violation -> assertThat(violation)
                .startsWith("data $.agreement.entryIntoForce"));
    }

    @Test
    void a_signature_on_another_text_is_rejected() {
        ContractExample example = ContractExamples.example("concord.agreement.signature-recorded").withData(data -> {
            data.withObjectProperty("signature").put("contentHash", "sha256:" + "0".repeat(64));
            return data;
        });

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation)
                .startsWith("data signature.contentHash differs from agreement.contentHash"));
    }

    @Test
    void a_signature_said_to_be_made_by_jws_must_carry_it_and_one_made_by_token_must_not() {
        ContractExample withoutJws = ContractExamples.example("concord.agreement.signature-recorded").withData(data -> {
            data.withObjectProperty("signature").remove("jws");
            return data;
        });
        ContractExample tokenWithJws = ContractExamples.example("concord.agreement.signature-recorded").withData(data -> {
            data.withObjectProperty("signature").put("method", "bearer-token");
            return data;
        });

        assertThat(violationsOf(withoutJws)).anySatisfy(violation -> assertThat(violation).contains("jws"));
        assertThat(violationsOf(tokenWithJws)).isNotEmpty();
    }

    @Test
    void a_history_head_is_a_sha256_hash_and_a_length() {
        ContractExample example = signed().withData(data -> {
            data.withObjectProperty("historyHead").put("hash", "not-a-hash");
            return data;
        });

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation).contains("historyHead.hash"));
    }

    @Test
    void a_region_key_with_its_private_part_or_of_another_type_is_rejected() {
        ContractExample withPrivatePart = ContractExamples.example("concord.region.updated").withData(data -> {
            ((tools.jackson.databind.node.ObjectNode) data.withObjectProperty("keys").get("keys").get(0)).put("d", "c2VjcmV0");
            return data;
        });
        ContractExample rsa = ContractExamples.example("concord.region.updated").withData(data -> {
            ((tools.jackson.databind.node.ObjectNode) data.withObjectProperty("keys").get("keys").get(0)).put("kty", "RSA");
            return data;
        });

        assertThat(EventContract.violations(REGIONS_TOPIC, withPrivatePart.key(), Map.copyOf(withPrivatePart.headers()), withPrivatePart.data())).isNotEmpty();
        assertThat(EventContract.violations(REGIONS_TOPIC, rsa.key(), Map.copyOf(rsa.headers()), rsa.data())).isNotEmpty();
    }

    @Test
    void a_value_that_is_not_json_is_rejected() {
        ContractExample example = signed().withData("<agreement/>");

        assertThat(violationsOf(example)).anySatisfy(violation -> assertThat(violation).startsWith("record value is not JSON"));
    }

    @Test
    void the_failure_lists_every_violation_at_once() {
        ContractExample example = signed().withoutHeader("ce_id").withKey("CN-GX").withData(data -> {
            data.withObjectProperty("agreement").put("status", "FINISHED");
            return data;
        });

        assertThatThrownBy(() -> EventContract.assertConforms(example.toConsumerRecord(AGREEMENTS_TOPIC)))
                .hasMessageContaining(" violations):")
                .hasMessageContaining("ce_id is missing")
                .hasMessageContaining("record key 'CN-GX'")
                .hasMessageContaining("data $.agreement.status");
    }

    @Test
    void a_contract_header_sent_twice_is_rejected() {
        ConsumerRecord<String, String> record = signed().toConsumerRecord(AGREEMENTS_TOPIC);
        record.headers().add(new RecordHeader("ce_id", "0b0cf1a4-64c1-4c33-9a84-7d4d2b0a4c3e".getBytes(StandardCharsets.UTF_8)));

        assertThat(EventContract.violations(record)).contains("header ce_id appears more than once");
    }

    @Test
    void other_headers_are_ignored() {
        ConsumerRecord<String, String> record = signed().toConsumerRecord(AGREEMENTS_TOPIC);
        record.headers().add(new RecordHeader("spring_json_header_types", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(EventContract.violations(record)).isEmpty();
    }

    private static List<String> violationsOf(ContractExample example) {
        return EventContract.violations(AGREEMENTS_TOPIC, example.key(), Map.copyOf(example.headers()), example.data());
    }
}
