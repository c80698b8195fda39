package org.concord.agreements.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.agreements.AgreementsApplication;
import org.concord.agreements.AgreementsScenarioSupport;
import org.concord.platform.outbox.OutboxProperties;
import org.concord.platform.outbox.OutboxRelay;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.net.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing goes on while the broker is unreachable: every request succeeds, the events wait in the outbox, and
 * once the broker is back they all arrive, in order, none lost, and leave the outbox. The context's own relay is
 * off; the scenario runs one whose only way to the broker is a connection it can open and close.
 */
@TestPropertySource(properties = "concord.outbox.relay.enabled=false")
abstract class SigningWhileBrokerDownScenarios extends AgreementsScenarioSupport {

    @Autowired
    DatabaseClient db;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    OutboxProperties outboxProperties;

    private OutboxRelay relay;

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void should_accept_every_signature_and_deliver_all_events_when_the_broker_comes_back() {
        int port = TcpProxy.freePort();
        relay = startRelay("localhost:" + port);
        Map<String, Object> open = openSeed();
        Object id = open.get("id");

        for (String party : SEED_PARTIES) {
            sign(id, party, open.get("contentHash"));
        }

        assertThat(get(id)).containsEntry("status", "IN_FORCE");
        await("the events wait in the outbox while the broker is unreachable").during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5)).until(() -> eventsAbout(id).isEmpty() && rowsLeft() >= 16);
        String[] broker = TestKafka.bootstrapServers().split(",")[0].split(":");
        try (var reachable = TcpProxy.open(port, broker[0], Integer.parseInt(broker[1]))) {
            awaitEvents(id, "concord.agreement.entered-into-force", 1);
            await("the published rows deleted from the outbox").atMost(Duration.ofSeconds(10)).until(() -> rowsLeft() == 0);
        }
        List<ConsumerRecord<String, String>> events = eventsAbout(id);
        assertThat(types(events)).containsExactly(
                "concord.agreement.drafted", "concord.agreement.opened",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signature-recorded", "concord.agreement.signature-recorded",
                "concord.agreement.signed", "concord.agreement.entered-into-force");
        assertThat(events).extracting(record -> header(record, "ce_id")).doesNotHaveDuplicates();
        events.forEach(EventContract::assertConforms);
    }

    private OutboxRelay startRelay(String bootstrapServers) {
        Map<String, Object> producer = TestKafka.impatientProducer(kafka.buildProducerProperties(), bootstrapServers);
        OutboxRelay started = OutboxRelay.create(db, producer, outboxProperties, AgreementsApplication.NAME,
                "test-relay-" + UUID.randomUUID());
        started.start();
        return started;
    }

    /** The outbox holds only what is not yet published: the relay deletes what the broker acknowledged. */
    private long rowsLeft() {
        return db.sql("SELECT COUNT(*) FROM outbox_event")
                .map(row -> row.get(0, Long.class)).one().blockOptional().orElse(0L);
    }
}
