package org.concord.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;
import static org.concord.testsupport.kafka.TopicRecords.keyed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.platform.PlatformTest;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.net.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The relay under faults: broker down, relay dying between publishing and deleting, two instances at once.
 * The context's own relay is switched off; each scenario runs the relays it needs.
 */
@PlatformTest
@TestPropertySource(properties = "concord.outbox.relay.enabled=false")
abstract class RelayFaultScenarios {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    DatabaseClient db;
    @Autowired
    ConcordTopics topics;
    @Autowired
    KafkaProperties kafka;

    private final List<OutboxRelay> relays = new ArrayList<>();

    record Step(String id, int n) {
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
        // leave nothing behind for the next scenario sharing this database
        db.sql("DELETE FROM outbox_event").then().block();
    }

    @Test
    void should_deliver_all_events_when_broker_was_down() {
        int port = TcpProxy.freePort();
        startRelay("relay-a", "localhost:" + port); // the relay's only way to the broker, closed for now
        String key = UUID.randomUUID().toString();

        appendSteps(key, 10);

        await("the relay keeps the events while the broker is unreachable").during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5)).until(() -> rowsLeft() == 10);
        String[] broker = TestKafka.bootstrapServers().split(",")[0].split(":");
        try (var reachable = TcpProxy.open(port, broker[0], Integer.parseInt(broker[1]))) {
            await("all events published once the broker is back").atMost(Duration.ofSeconds(30))
                    .until(() -> rowsLeft() == 0);
        }
        assertThat(TopicRecords.await(topics.agreements(), keyed(key), 10, Duration.ofSeconds(20)))
                .extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(steps(key, 10));
    }

    @Test
    void should_publish_again_with_the_same_ce_id_when_relay_dies_between_publish_and_delete() {
        String key = UUID.randomUUID().toString();
        appendSteps(key, 1);
        OutboxRelay dying = relay("relay-dying", TestKafka.bootstrapServers());

        dying.sendInOrder(dying.unpublished());
        assertThat(rowsLeft()).as("published but never deleted").isEqualTo(1);
        startRelay("relay-after-restart", TestKafka.bootstrapServers());

        await().atMost(Duration.ofSeconds(20)).until(() -> rowsLeft() == 0);
        List<ConsumerRecord<String, String>> records = TopicRecords.await(topics.agreements(), keyed(key), 2, Duration.ofSeconds(20));
        assertThat(records).hasSize(2);
        assertThat(header(records.get(0), "ce_id")).isEqualTo(header(records.get(1), "ce_id"));
    }

    @Test
    void should_keep_order_per_aggregate_with_two_relays_running() throws Exception {
        OutboxRelay first = startRelay("relay-1", TestKafka.bootstrapServers());
        startRelay("relay-2", TestKafka.bootstrapServers());
        List<String> keys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());

        Thread writer = new Thread(() -> IntStream.rangeClosed(1, 20).forEach(n -> keys.forEach(key -> appendStep(key, n))));
        writer.start();
        Thread.sleep(200);
        first.stop(); // the other instance takes over part-way
        writer.join();

        await().atMost(Duration.ofSeconds(30)).until(() -> rowsLeft() == 0);
        for (String key : keys) {
            List<String> values = TopicRecords.await(topics.agreements(), keyed(key), 20, Duration.ofSeconds(20))
                    .stream().map(ConsumerRecord::value).distinct().toList();
            assertThat(values).containsExactlyElementsOf(steps(key, 20));
        }
    }

    @Test
    void should_delete_the_rows_the_broker_acknowledged_and_keep_those_it_did_not() {
        String acknowledged = UUID.randomUUID().toString();
        appendSteps(acknowledged, 2);
        OutboxRelay reachable = relay("relay-broker-up", TestKafka.bootstrapServers());

        assertThat(reachable.publishBatch()).isEqualTo(2);
        assertThat(subjectsLeft()).as("acknowledged, so gone from the outbox").isEmpty();

        String unacknowledged = UUID.randomUUID().toString();
        appendSteps(unacknowledged, 2);
        OutboxRelay cutOff = relay("relay-broker-down", "localhost:" + TcpProxy.freePort());

        assertThatThrownBy(cutOff::publishBatch).as("the broker is unreachable").isInstanceOf(RuntimeException.class);
        assertThat(subjectsLeft()).as("never acknowledged, so still waiting")
                .containsExactly(unacknowledged, unacknowledged);
        assertThat(TopicRecords.await(topics.agreements(), keyed(acknowledged), 2, Duration.ofSeconds(20)))
                .extracting(ConsumerRecord::value).containsExactlyElementsOf(steps(acknowledged, 2));
    }

    private void appendSteps(String key, int count) {
        IntStream.rangeClosed(1, count).forEach(n -> appendStep(key, n));
    }

    private void appendStep(String key, int n) {
        outbox.append(OutboxEvent.of(topics.agreements(), key, "concord.agreement.signature-recorded", key, new Step(key, n)))
                .as(tx::transactional).block();
    }

    private static List<String> steps(String key, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "{\"id\":\"" + key + "\",\"n\":" + n + "}").toList();
    }

    /** The outbox holds only what is not yet published: the relay deletes what the broker acknowledged. */
    private long rowsLeft() {
        return db.sql("SELECT COUNT(*) FROM outbox_event")
                .map(row -> row.get(0, Long.class)).one().blockOptional().orElse(0L);
    }

    private List<String> subjectsLeft() {
        return db.sql("SELECT subject FROM outbox_event ORDER BY seq")
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private OutboxRelay startRelay(String name, String bootstrapServers) {
        OutboxRelay relay = relay(name, bootstrapServers);
        relay.start();
        return relay;
    }

    /** A relay, stopped after the scenario whether it was started or not (so its producer is closed). */
    private OutboxRelay relay(String name, String bootstrapServers) {
        var properties = new OutboxProperties(Duration.ofMillis(100), 100, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(500));
        var producer = TestKafka.impatientProducer(kafka.buildProducerProperties(), bootstrapServers);
        OutboxRelay relay = OutboxRelay.create(db, producer, properties, "platform-test", name);
        relays.add(relay);
        return relay;
    }
}
