package org.concord.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.concord.platform.PlatformTest;
import org.concord.platform.PlatformTestApplication;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.testsupport.kafka.CloudEventRecords;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An operator replays a dead letter once its cause is fixed: its effect happens once, and replaying it again changes
 * nothing (real broker, real database; the consumer parked the record after its own attempts).
 */
@PlatformTest
@AutoConfigureWebTestClient
abstract class DeadLetterReplayScenarios {

    private static final String ADMIN = "/api/admin/dead-letters";

    @Autowired
    DatabaseClient db;
    @Autowired
    ConcordTopics topics;
    @Autowired
    WebTestClient web;

    @Test
    void a_dead_letter_replayed_is_applied_once_and_replaying_it_again_changes_nothing() {
        String eventId = UUID.randomUUID().toString();
        PlatformTestApplication.BROKEN.add(eventId);
        TestKafka.send(event(eventId, "{\"n\":7}"));
        ConsumerRecord<String, String> parked = parked(eventId);
        assertThat(effects(eventId)).isZero();
        String address = ADMIN + "/" + parked.topic() + "/" + parked.partition() + "/" + parked.offset();

        // listed and readable, not applied yet
        web.get().uri(ADMIN).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.service").isEqualTo("platform-test")
                .jsonPath("$.items[?(@.eventId == '" + eventId + "')].applied").isEqualTo(false)
                .jsonPath("$.items[?(@.eventId == '" + eventId + "')].reason").value(reason ->
                        assertThat(reason.toString()).contains("is broken"));
        web.get().uri(address).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.deadLetter.eventId").isEqualTo(eventId)
                .jsonPath("$.deadLetter.originalTopic").isEqualTo(topics.agreements())
                .jsonPath("$.value").isEqualTo("{\"n\":7}")
                .jsonPath("$.headers.ce_type").isEqualTo("concord.agreement.drafted");

        // still broken: the replay fails, says why, and changes nothing
        web.post().uri(address + "/replay").exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("still cannot be processed").contains("is broken"));
        assertThat(effects(eventId)).isZero();

        // the cause is fixed: the replay applies it, once
        PlatformTestApplication.BROKEN.remove(eventId);
        web.post().uri(address + "/replay").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("applied")
                .jsonPath("$.eventId").isEqualTo(eventId)
                .jsonPath("$.consumer").isEqualTo("platform-test.recordEffects");
        assertThat(effects(eventId)).isEqualTo(1);

        // again: nothing changes
        web.post().uri(address + "/replay").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("already-applied");
        assertThat(effects(eventId)).isEqualTo(1);
        web.get().uri(address).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.deadLetter.applied").isEqualTo(true);
    }

    @Test
    void an_address_that_is_no_dead_letter_is_a_404_problem() {
        web.get().uri(ADMIN + "/" + topics.agreements() + "/0/0").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("platform-test has no dead-letter topic by that name"));
        web.post().uri(ADMIN + "/" + topics.agreements() + ".platform-test.dlq/0/999999/replay").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void only_an_admin_may_see_or_replay_dead_letters() {
        web.get().uri(ADMIN).header("Authorization", "Bearer " + Tokens.viewer()).exchange().expectStatus().isForbidden();
        web.post().uri(ADMIN + "/" + topics.agreements() + ".platform-test.dlq/0/0/replay")
                .header("Authorization", "Bearer " + Tokens.viewer()).exchange().expectStatus().isForbidden();
    }

    private ConsumerRecord<String, String> parked(String eventId) {
        return TopicRecords.await(topics.agreements() + ".platform-test.dlq",
                record -> eventId.equals(header(record, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
    }

    private ProducerRecord<String, String> event(String id, String data) {
        return CloudEventRecords.agreementEvent(topics.agreements(), "agreement-7", id, "concord.agreement.drafted", data);
    }

    private long effects(String eventId) {
        return db.sql("SELECT COUNT(*) FROM test_effect WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
