package org.concord.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
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
 * The relay under faults: broker down, relay dying between publishing and marking, two instances at once.
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
        db.sql("UPDATE outbox_event SET published_at = CURRENT_TIMESTAMP WHERE published_at IS NULL").then().block();
    }

    @Test
    void should_deliver_all_events_when_broker_was_down() {
        int port = TcpProxy.freePort();
        startRelay("relay-a", "localhost:" + port); // the relay's only way to the broker, closed for now
        String key = UUID.randomUUID().toString();

        appendSteps(key, 10);

        await("the relay keeps the events while the broker is unreachable").during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5)).until(() -> unpublished() == 10);
        String[] broker = TestKafka.bootstrapServers().split(",")[0].split(":");
        try (var reachable = TcpProxy.open(port, broker[0], Integer.parseInt(broker[1]))) {
            await("all events published once the broker is back").atMost(Duration.ofSeconds(30))
                    .until(() -> unpublished() == 0);
        }
        assertThat(TopicRecords.await(topics.agreements(), keyed(key), 10, Duration.ofSeconds(20)))
                .extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(steps(key, 10));
    }

    @Test
    void should_publish_again_with_the_same_ce_id_when_relay_dies_between_publish_and_mark() {
        String key = UUID.randomUUID().toString();
        appendSteps(key, 1);
        OutboxRelay dying = relay("relay-dying", TestKafka.bootstrapServers());

        dying.sendInOrder(dying.unpublished());
        assertThat(unpublished()).as("published but never marked").isEqualTo(1);
        startRelay("relay-after-restart", TestKafka.bootstrapServers());

        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() == 0);
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

        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        for (String key : keys) {
            List<String> values = TopicRecords.await(topics.agreements(), keyed(key), 20, Duration.ofSeconds(20))
                    .stream().map(ConsumerRecord::value).distinct().toList();
            assertThat(values).containsExactlyElementsOf(steps(key, 20));
        }
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

    private long unpublished() {
        return db.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL")
                .map(row -> row.get(0, Long.class)).one().blockOptional().orElse(0L);
    }

    private OutboxRelay startRelay(String name, String bootstrapServers) {
        OutboxRelay relay = relay(name, bootstrapServers);
        relay.start();
        relays.add(relay);
        return relay;
    }

    private OutboxRelay relay(String name, String bootstrapServers) {
        var properties = new OutboxProperties(Duration.ofMillis(100), 100, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(500));
        return OutboxRelay.create(db, TestKafka.impatientProducer(kafka.buildProducerProperties(), bootstrapServers),
                properties, "platform-test", name);
    }
}
