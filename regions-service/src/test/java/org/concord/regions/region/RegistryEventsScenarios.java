package org.concord.regions.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.regions.region.Regions.freshCode;
import static org.concord.regions.region.Regions.province;
import static org.concord.regions.region.Regions.with;
import static org.concord.testsupport.kafka.TopicRecords.header;
import static org.concord.testsupport.kafka.TopicRecords.keyed;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.regions.RegionsServiceTest;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every registry change publishes exactly one contract-valid event with the full snapshot; a refusal publishes none. */
@RegionsServiceTest
abstract class RegistryEventsScenarios {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;
    @Autowired
    ConcordTopics topics;

    void register(String code) {
        web.post().uri("/api/regions").contentType(MediaType.APPLICATION_JSON).bodyValue(province(code)).exchange()
                .expectStatus().isCreated();
    }

    /** Every event about this region, once the topic holds {@code count} of them. */
    List<ConsumerRecord<String, String>> events(String code, int count) {
        return TopicRecords.await(topics.regions(), keyed(code), count, WAIT);
    }

    /**
     * Every event about this region once everything written before now is on the topic: a change to another
     * region is made and awaited, and the relay publishes in the order of writing.
     */
    List<ConsumerRecord<String, String>> settledEvents(String code) {
        String marker = freshCode();
        register(marker);
        events(marker, 1);
        return TopicRecords.all(topics.regions()).stream().filter(keyed(code)).toList();
    }

    static JsonNode data(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    @Test
    void registering_publishes_one_registered_event_with_the_full_snapshot() {
        String code = freshCode();

        register(code);

        List<ConsumerRecord<String, String>> records = events(code, 1);
        assertThat(records).singleElement().satisfies(record -> {
            EventContract.assertConforms(record);
            assertThat(header(record, "ce_type")).isEqualTo("concord.region.registered");
            assertThat(header(record, "ce_subject")).isEqualTo(code);
            assertThat(header(record, "ce_source")).isEqualTo("/concord/regions-service");
            JsonNode data = data(record);
            assertThat(data.path("code").asString()).isEqualTo(code);
            assertThat(data.path("nativeName").asString()).isEqualTo("测试省");
            assertThat(data.path("version").asInt()).isEqualTo(1);
            assertThat(data.has("contactEmail")).as("null properties are written, not omitted").isTrue();
        });
        assertThat(settledEvents(code)).hasSize(1);
    }

    @Test
    void updating_publishes_one_updated_event_with_the_new_snapshot() {
        String code = freshCode();
        register(code);

        web.put().uri("/api/regions/{code}", code).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(province(code), "capital", "Newtown")).exchange().expectStatus().isOk();

        List<ConsumerRecord<String, String>> records = events(code, 2);
        ConsumerRecord<String, String> updated = records.get(1);
        EventContract.assertConforms(updated);
        assertThat(header(updated, "ce_type")).isEqualTo("concord.region.updated");
        assertThat(data(updated).path("capital").asString()).isEqualTo("Newtown");
        assertThat(data(updated).path("version").asInt()).isEqualTo(2);
        assertThat(settledEvents(code)).hasSize(2);
    }

    @Test
    void deactivating_publishes_one_deactivated_event_and_deactivating_again_publishes_nothing() {
        String code = freshCode();
        register(code);

        web.delete().uri("/api/regions/{code}", code).exchange().expectStatus().isOk();
        web.delete().uri("/api/regions/{code}", code).exchange().expectStatus().isOk();

        ConsumerRecord<String, String> deactivated = events(code, 2).get(1);
        EventContract.assertConforms(deactivated);
        assertThat(header(deactivated, "ce_type")).isEqualTo("concord.region.deactivated");
        assertThat(data(deactivated).path("active").asBoolean()).isFalse();
        assertThat(data(deactivated).path("version").asInt()).isEqualTo(2);
        assertThat(settledEvents(code)).extracting(record -> header(record, "ce_type"))
                .containsExactly("concord.region.registered", "concord.region.deactivated");
    }

    @Test
    void a_refused_change_publishes_nothing() {
        String code = freshCode();
        register(code);

        web.put().uri("/api/regions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(province(code)).exchange().expectStatus().isEqualTo(428);
        web.put().uri("/api/regions/{code}", code).header("If-Match", "\"7\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(province(code)).exchange().expectStatus().isEqualTo(412);
        web.put().uri("/api/regions/{code}", code).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(province(code), "type", "CITY")).exchange().expectStatus().isEqualTo(422);
        web.post().uri("/api/regions").contentType(MediaType.APPLICATION_JSON).bodyValue(province(code)).exchange()
                .expectStatus().isEqualTo(409);

        assertThat(settledEvents(code)).extracting(record -> header(record, "ce_type"))
                .containsExactly("concord.region.registered");
    }
}
