package org.concord.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;

/** How consumers' tests feed the contract's examples. */
class ContractExamplesTest {

    @Test
    void an_example_is_the_record_a_producer_would_publish() {
        ContractExample example = ContractExamples.example("concord.region.registered");

        assertThat(example.topic()).isEqualTo("regions.v1");
        assertThat(example.key()).isEqualTo("CN-XZ").isEqualTo(example.ceSubject());
        assertThat(example.ceType()).isEqualTo("concord.region.registered");
        assertThat(example.headers()).containsKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
                "ce_subject", "content-type");
        assertThat(example.dataNode().path("nativeName").asString()).isEqualTo("西藏自治区");
        assertThat(example.dataNode().path("capital").asString()).isEqualTo("Lhasa");
    }

    @Test
    void asking_for_an_unknown_type_names_the_known_ones() {
        assertThatThrownBy(() -> ContractExamples.example("concord.agreement.finished"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concord.agreement.finished")
                .hasMessageContaining("concord.agreement.signed");
    }

    @Test
    void with_new_id_is_the_same_event_under_another_ce_id() {
        ContractExample example = ContractExamples.example("concord.agreement.signed");

        ContractExample again = example.withNewId();

        assertThat(again.ceId()).isNotEqualTo(example.ceId());
        assertThat(UUID.fromString(again.ceId())).isNotNull();
        assertThat(again.key()).isEqualTo(example.key());
        assertThat(again.data()).isEqualTo(example.data());
        assertThat(ContractExamples.example("concord.agreement.signed").ceId()).isEqualTo(example.ceId());
    }

    @Test
    void with_data_changes_a_copy_and_leaves_the_example_as_it_was() {
        ContractExample example = ContractExamples.example("concord.agreement.opened");
        String otherAgreement = "0b0cf1a4-64c1-4c33-9a84-7d4d2b0a4c3e";

        ContractExample other = example.withSubject(otherAgreement).withData(data -> {
            data.withObjectProperty("agreement").put("id", otherAgreement);
            return data;
        });

        assertThat(other.key()).isEqualTo(otherAgreement).isEqualTo(other.ceSubject());
        assertThat(other.dataNode().path("agreement").path("id").asString()).isEqualTo(otherAgreement);
        assertThat(example.dataNode().path("agreement").path("id").asString()).isEqualTo(example.key());
        EventContract.assertConforms(other.toRecord());
    }

    @Test
    void to_record_carries_key_value_and_headers_as_utf8_bytes() {
        ContractExample example = ContractExamples.example("concord.region.updated");

        ProducerRecord<String, String> record = example.toRecord("regions.v1-3f2a");

        assertThat(record.topic()).isEqualTo("regions.v1-3f2a");
        assertThat(record.key()).isEqualTo("CN-XZ");
        assertThat(record.value()).isEqualTo(example.data()).contains("西藏自治区");
        example.headers().forEach((name, value) -> assertThat(record.headers().lastHeader(name).value())
                .isEqualTo(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void examples_fed_through_a_real_broker_arrive_as_conforming_records_in_order() {
        String topic = "agreements.v1-" + UUID.randomUUID();
        TestKafka.createTopics(List.of(new NewTopic(topic, 1, (short) 1)));
        List<ContractExample> lifecycle = List.of(
                ContractExamples.example("concord.agreement.drafted"),
                ContractExamples.example("concord.agreement.opened"),
                ContractExamples.example("concord.agreement.signature-recorded"),
                ContractExamples.example("concord.agreement.signed"),
                ContractExamples.example("concord.agreement.signed"),               // redelivered: same ce_id
                ContractExamples.example("concord.agreement.signed").withNewId());  // a distinct event

        lifecycle.forEach(example -> TestKafka.send(example.toRecord(topic)));

        List<ConsumerRecord<String, String>> records = TopicRecords.all(topic);
        assertThat(records).hasSize(lifecycle.size());
        records.forEach(EventContract::assertConforms);
        assertThat(records).extracting(record -> TopicRecords.header(record, "ce_id"))
                .containsExactlyElementsOf(lifecycle.stream().map(ContractExample::ceId).toList());
    }
}
