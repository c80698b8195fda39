package org.concord.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.concord.platform.PlatformTest;
import org.concord.platform.PlatformTestApplication;
import org.concord.testsupport.kafka.CloudEventRecords;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A consumer applies each poll in one transaction, in the records' order; a record that spoils the poll is parked and
 * the others are applied once; repeated events are applied once; each effect runs in its own record's trace (real
 * broker, real database: records sent as one producer batch reach the consumer in one poll).
 */
@PlatformTest
abstract class ConsumerPollScenarios {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DatabaseClient db;
    @Autowired
    ConcordTopics topics;

    @Test
    void the_events_of_one_poll_commit_together() {
        String first = id();
        String second = id();
        String third = id();
        String last = id();
        CountDownLatch holdLast = new CountDownLatch(1);
        PlatformTestApplication.HELD.put(last, holdLast);
        try {
            TestKafka.sendTogether(List.of(event(first, 1), event(second, 2), event(third, 3), event(last, 4)));

            await().atMost(WAIT).until(() -> PlatformTestApplication.REACHED.contains(last));
            // the effects of the first three ran in the transaction the last one holds open: none is visible yet
            assertThat(effects(first) + effects(second) + effects(third)).isZero();
            assertThat(processed(first) + processed(second) + processed(third)).isZero();
        } finally {
            holdLast.countDown();
        }
        await().atMost(WAIT).until(() -> effects(last) == 1);
        assertThat(List.of(effects(first), effects(second), effects(third))).containsOnly(1L);
    }

    @Test
    void a_record_that_spoils_a_poll_is_parked_and_the_others_are_applied_once_in_order() {
        String first = id();
        String poison = id();
        String second = id();
        String broken = id();
        String third = id();
        PlatformTestApplication.BROKEN.add(broken);
        try {
            TestKafka.sendTogether(List.of(event(first, 1), event(poison, "{\"poison\":true}"), event(second, 2),
                    event(broken, 3), event(third, 4)));

            await().atMost(WAIT).until(() -> effects(third) == 1);
            List<ConsumerRecord<String, String>> parked = TopicRecords.await(deadLetterTopic(),
                    record -> List.of(poison, broken).contains(header(record, "ce_id")), 2, WAIT);
            assertThat(List.of(effects(first), effects(second), effects(third))).containsOnly(1L);
            assertThat(effects(poison) + effects(broken)).isZero();
            assertThat(ids()).containsSubsequence(first, second, third);

            ConsumerRecord<String, String> brokenParked = parked.stream()
                    .filter(record -> broken.equals(header(record, "ce_id"))).findFirst().orElseThrow();
            assertThat(header(brokenParked, "x-original-topic")).isEqualTo(topics.agreements());
            assertThat(header(brokenParked, "x-exception-message")).contains("is broken");
            assertThat(header(brokenParked, "x-exception-stacktrace")).contains("is broken");
            assertThat(ByteBuffer.wrap(brokenParked.headers().lastHeader("x-original-offset").value()).getLong())
                    .isEqualTo(originalOffset(broken));
            assertThat(brokenParked.value()).isEqualTo("{\"n\":3}");
            assertThat(brokenParked.key()).isEqualTo("agreement-poll");
        } finally {
            PlatformTestApplication.BROKEN.remove(broken);
        }
    }

    @Test
    void an_event_repeated_within_a_poll_and_in_a_later_poll_is_applied_once() {
        String repeated = id();
        String other = id();

        TestKafka.sendTogether(List.of(event(repeated, 1), event(repeated, 1), event(other, 2), event(repeated, 1)));
        await().atMost(WAIT).until(() -> effects(other) == 1);
        String marker = id();
        TestKafka.sendTogether(List.of(event(repeated, 1), event(other, 2), event(marker, 3)));
        await().atMost(WAIT).until(() -> effects(marker) == 1);

        assertThat(effects(repeated)).isEqualTo(1);
        assertThat(effects(other)).isEqualTo(1);
        assertThat(processed(repeated)).isEqualTo(1);
    }

    @Test
    void each_effect_of_a_poll_carries_its_own_records_trace_on() {
        Map<String, String> traceIds = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            traceIds.put(id(), HexFormat.of().formatHex(randomBytes(16)));
        }

        TestKafka.sendTogether(traceIds.entrySet().stream().map(traced -> CloudEventRecords.traced(event(traced.getKey(), 1),
                "00-" + traced.getValue() + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")).toList());

        traceIds.keySet().forEach(eventId -> await().atMost(WAIT).until(() -> effects(eventId) == 1));
        Map<String, String> ranIn = new LinkedHashMap<>();
        traceIds.keySet().forEach(eventId -> ranIn.put(eventId, traceIdOf(traceparent(eventId))));
        assertThat(ranIn).as("the trace each event's effect ran in, by event").isEqualTo(traceIds);
    }

    @Test
    void a_poll_that_meets_an_unavailable_database_is_held_and_then_applied_whole() {
        String first = id();
        String meetsOutage = id();
        String last = id();

        // five failures in a row: more than the attempts a record gets before it is parked
        TestKafka.sendTogether(List.of(event(first, 1), event(meetsOutage, "{\"n\":2,\"unavailable\":5}"), event(last, 3)));

        await().atMost(WAIT).until(() -> effects(last) == 1);
        assertThat(List.of(effects(first), effects(meetsOutage), effects(last))).containsOnly(1L);
        String marker = id();
        TestKafka.send(event(marker, "{\"poison\":true}"));
        TopicRecords.await(deadLetterTopic(), record -> marker.equals(header(record, "ce_id")), 1, WAIT);
        assertThat(TopicRecords.all(deadLetterTopic())).noneMatch(record -> meetsOutage.equals(header(record, "ce_id")));
    }

    private String deadLetterTopic() {
        return DeadLetterTopics.of(topics.agreements(), PlatformTestApplication.NAME);
    }

    private long originalOffset(String eventId) {
        return TopicRecords.all(topics.agreements()).stream().filter(record -> eventId.equals(header(record, "ce_id")))
                .findFirst().orElseThrow().offset();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private ProducerRecord<String, String> event(String id, int n) {
        return event(id, "{\"n\":" + n + "}");
    }

    private ProducerRecord<String, String> event(String id, String data) {
        return CloudEventRecords.agreementEvent(topics.agreements(), "agreement-poll", id, "concord.agreement.drafted", data);
    }

    private long effects(String eventId) {
        return db.sql("SELECT COUNT(*) FROM test_effect WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private String traceparent(String eventId) {
        return db.sql("SELECT traceparent FROM test_effect WHERE event_id = :id").bind("id", eventId)
                .map(row -> java.util.Optional.ofNullable(row.get(0, String.class))).one().block().orElse(null);
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}). */
    private static String traceIdOf(String traceparent) {
        return traceparent == null || !traceparent.startsWith("00-") ? traceparent : traceparent.split("-")[1];
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The events with an effect, in the order the effects were written. */
    private List<String> ids() {
        return db.sql("SELECT event_id FROM test_effect ORDER BY id").map(row -> row.get(0, String.class)).all()
                .collectList().block();
    }

    private long processed(String eventId) {
        return db.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
