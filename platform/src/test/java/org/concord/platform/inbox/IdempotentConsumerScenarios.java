package org.concord.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.concord.platform.PlatformTest;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.testsupport.kafka.CloudEventRecords;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** A consumer's effect happens once per event, and a record it cannot process is parked, not retried forever. */
@PlatformTest
abstract class IdempotentConsumerScenarios {

    @Autowired
    DatabaseClient db;
    @Autowired
    ConcordTopics topics;

    @Test
    void redelivered_event_changes_nothing() {
        String eventId = UUID.randomUUID().toString();

        TestKafka.send(event(eventId, "{\"n\":1}"));
        TestKafka.send(event(eventId, "{\"n\":1}"));
        String later = UUID.randomUUID().toString();
        TestKafka.send(event(later, "{\"n\":2}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(later) == 1);
        assertThat(effects(eventId)).isEqualTo(1);
    }

    @Test
    void poison_record_goes_to_the_dead_letter_topic_and_later_records_are_processed() {
        String poison = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();

        TestKafka.send(event(poison, "{\"poison\":true}"));
        TestKafka.send(event(later, "{\"n\":3}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(later) == 1);
        assertThat(effects(poison)).isZero();
        var parked = TopicRecords.await(topics.agreements() + ".platform-test.dlq",
                record -> poison.equals(header(record, "ce_id")), 1, Duration.ofSeconds(30));
        assertThat(parked.get(0).value()).isEqualTo("{\"poison\":true}");
    }

    @Test
    void an_event_that_meets_an_unavailable_database_waits_for_it_instead_of_being_parked() {
        String event = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();

        // five failures in a row: more than the three attempts a failing record gets before it is parked
        TestKafka.send(event(event, "{\"n\":4,\"unavailable\":5}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event) == 1);
        TestKafka.send(event(marker, "{\"poison\":true}"));
        var parked = TopicRecords.await(topics.agreements() + ".platform-test.dlq",
                record -> marker.equals(header(record, "ce_id")), 1, Duration.ofSeconds(30));
        // the marker came after the event on the same partition: had the event been parked, it would be there first
        assertThat(parked).isNotEmpty();
        assertThat(TopicRecords.all(topics.agreements() + ".platform-test.dlq"))
                .noneMatch(record -> event.equals(header(record, "ce_id")));
    }

    private ProducerRecord<String, String> event(String id, String data) {
        return CloudEventRecords.agreementEvent(topics.agreements(), "agreement-1", id, "concord.agreement.drafted", data);
    }

    private long effects(String eventId) {
        return db.sql("SELECT COUNT(*) FROM test_effect WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
