package org.concord.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.concord.platform.PlatformTest;
import org.concord.platform.PlatformTestApplication;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;
import org.concord.testsupport.kafka.CloudEventRecords;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A record the consumer cannot park (the broker refuses it) is not acknowledged: the poll is delivered again until the
 * record is parked, and nothing of it is lost or applied twice (real broker: the dead-letter topic takes no record
 * larger than 512 bytes, and a dead letter carries the stack trace of its failure).
 */
@PlatformTest
@ConcordIntegrationTest(database = TestDatabase.H2)
class DeadLetterParkingOnH2Test {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    DatabaseClient db;
    @Autowired
    ConcordTopics topics;
    @Value("${concord.messaging.group}")
    String group;

    @Test
    void a_record_that_cannot_be_parked_holds_its_poll_until_it_is_parked() throws Exception {
        String deadLetters = DeadLetterTopics.of(topics.agreements(), PlatformTestApplication.NAME);
        TestKafka.createTopics(List.of(new NewTopic(deadLetters, 1, (short) 1)));
        String before = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (Admin admin = TestKafka.admin()) {
            largestRecord(admin, deadLetters, "512");
            try {
                String marker = UUID.randomUUID().toString();
                TestKafka.send(event(marker, "{\"n\":0}"));
                long markerOffset = TopicRecords.await(topics.agreements(), record -> marker.equals(header(record, "ce_id")),
                        1, WAIT).get(0).offset();
                long committedBefore = await().atMost(WAIT).until(() -> committed(admin), offset -> offset > markerOffset);

                TestKafka.sendTogether(List.of(event(before, "{\"n\":1}"), event(poison, "{\"poison\":true}"),
                        event(after, "{\"n\":2}")));

                // the poll comes again and again, each time failing to park the poison: nothing of it is acknowledged
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                        .until(() -> committed(admin) == committedBefore && effects(before) + effects(after) == 0);
                assertThat(TopicRecords.all(deadLetters)).noneMatch(record -> poison.equals(header(record, "ce_id")));
            } finally {
                largestRecord(admin, deadLetters, "1048588");
            }
        }

        await().atMost(WAIT).until(() -> effects(after) == 1);
        assertThat(effects(before)).isEqualTo(1);
        assertThat(effects(poison)).isZero();
        TopicRecords.await(deadLetters, record -> poison.equals(header(record, "ce_id")), 1, WAIT);
        assertThat(TopicRecords.all(deadLetters)).filteredOn(record -> poison.equals(header(record, "ce_id"))).hasSize(1);
    }

    private void largestRecord(Admin admin, String topic, String bytes) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
    }

    /** The group's committed offset on the topic's one partition (0 before its first commit). */
    private long committed(Admin admin) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS).get(new TopicPartition(topics.agreements(), 0));
        return offset == null ? 0 : offset.offset();
    }

    private ProducerRecord<String, String> event(String id, String data) {
        return CloudEventRecords.agreementEvent(topics.agreements(), "agreement-parking", id, "concord.agreement.drafted", data);
    }

    private long effects(String eventId) {
        return db.sql("SELECT COUNT(*) FROM test_effect WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
