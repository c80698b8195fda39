package org.concord.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;
import static org.concord.testsupport.kafka.TopicRecords.keyed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.platform.PlatformTest;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** What the outbox guarantees, run on each database. */
@PlatformTest
abstract class OutboxScenarios {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    DatabaseClient db;
    @Autowired
    ConcordTopics topics;

    record Sample(String id, int n) {
    }

    @Test
    void committed_event_is_published_with_its_cloudevents_headers() {
        String key = UUID.randomUUID().toString();
        OutboxEvent event = OutboxEvent.of(topics.agreements(), key, "concord.agreement.drafted", key, new Sample(key, 1));

        outbox.append(event).as(tx::transactional).block();

        ConsumerRecord<String, String> record = TopicRecords.await(topics.agreements(), keyed(key), 1, Duration.ofSeconds(20)).get(0);
        assertThat(header(record, "ce_id")).isEqualTo(event.id());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("concord.agreement.drafted");
        assertThat(header(record, "ce_source")).isEqualTo("/concord/platform-test");
        assertThat(header(record, "ce_subject")).isEqualTo(key);
        assertThat(header(record, "ce_time")).isEqualTo(event.time().toString());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.value()).isEqualTo("{\"id\":\"" + key + "\",\"n\":1}");
    }

    @Test
    void rolled_back_change_publishes_nothing() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();

        outbox.append(OutboxEvent.of(topics.agreements(), rolledBack, "concord.agreement.drafted", rolledBack, new Sample(rolledBack, 1)))
                .then(Mono.error(new IllegalStateException("the change failed")))
                .as(tx::transactional)
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .block();
        outbox.append(OutboxEvent.of(topics.agreements(), committed, "concord.agreement.drafted", committed, new Sample(committed, 1)))
                .as(tx::transactional).block();

        TopicRecords.await(topics.agreements(), keyed(committed), 1, Duration.ofSeconds(20));
        assertThat(TopicRecords.all(topics.agreements())).noneMatch(keyed(rolledBack));
        await("the published row deleted").atMost(Duration.ofSeconds(10)).until(() -> rowsLeft() == 0);
    }

    @Test
    void events_of_one_aggregate_are_published_in_the_order_they_were_written() {
        String key = UUID.randomUUID().toString();
        for (int n = 1; n <= 50; n++) {
            outbox.append(OutboxEvent.of(topics.agreements(), key, "concord.agreement.signature-recorded", key, new Sample(key, n)))
                    .as(tx::transactional).block();
        }

        List<ConsumerRecord<String, String>> records = TopicRecords.await(topics.agreements(), keyed(key), 50, Duration.ofSeconds(30));

        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50)
                        .mapToObj(n -> "{\"id\":\"" + key + "\",\"n\":" + n + "}").toList());
    }

    /** The outbox holds only what is not yet published: the relay deletes what the broker acknowledged. */
    private long rowsLeft() {
        return db.sql("SELECT COUNT(*) AS c FROM outbox_event")
                .map(row -> row.get(0, Long.class)).one().blockOptional().orElse(0L);
    }

}
