package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Kafka node in this JVM on free ports in a temporary directory: topics as DESIGN.md says, data kept. */
class KafkaNodeTest {

    @TempDir
    Path data;

    @Test
    void the_broker_is_a_single_kraft_node_with_one_replica_for_everything_internal() {
        StackLayout layout = new StackLayout(1, 1, 0);
        Map<String, String> config = KafkaNode.configuration(layout.nodes().get(0), layout.nodes(), Path.of("/d/kafka"), 3);

        assertThat(config)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("listeners", "PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093")
                .containsEntry("controller.quorum.voters", "1@localhost:9093")
                .containsEntry("log.dirs", "/d/kafka")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("num.partitions", "3");
    }

    @Test
    void a_node_of_three_knows_all_voters_and_replicates_everything_three_times_two_in_sync() {
        StackLayout layout = new StackLayout(3, 1, 0);
        Map<String, String> config = KafkaNode.configuration(layout.nodes().get(1), layout.nodes(), Path.of("/d/kafka-2"), 3);

        assertThat(config)
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@localhost:9093,2@localhost:9095,3@localhost:9097")
                .containsEntry("listeners", "PLAINTEXT://localhost:9094,CONTROLLER://localhost:9095")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9094")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void topics_are_created_as_designed_and_the_broker_keeps_them_and_their_records_across_a_restart() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        StackLayout.KafkaNodeSpec spec = new StackLayout.KafkaNodeSpec(1, 1, port, controllerPort);
        KafkaNode broker = new KafkaNode(spec, List.of(spec), data.resolve("kafka"), 2);
        try {
            String clusterId = KafkaNode.newClusterId();
            broker.start(clusterId);
            assertThat(broker.formattedNow()).isTrue();
            assertThat(KafkaNode.clusterId(data.resolve("kafka"))).contains(clusterId);
            try (Admin admin = Admin.create(Topics.adminConfig(broker.bootstrapServers()))) {
                Topics topics = new Topics(admin);

                assertThat(topics.ensure(TopicSpec.DESIGN, 2)).contains("created topic regions.v1 (2 partitions, compacted)");
                assertThat(topics.config("regions.v1")).containsEntry("cleanup.policy", "compact");
                assertThat(topics.config("agreements.v1")).containsEntry("retention.ms", "-1");
                assertThat(topics.config("notifications.v1")).containsEntry("retention.ms", "604800000");
                assertThat(admin.describeTopics(List.of("regions.v1")).allTopicNames().get().get("regions.v1").partitions()).hasSize(2);

                // Someone changed regions.v1 by hand: the next start puts the design back.
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, "regions.v1"),
                        List.of(new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get();
                // the broker applies a config change asynchronously
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> "delete".equals(topics.config("regions.v1").get("cleanup.policy")));
                assertThat(topics.ensure(TopicSpec.DESIGN, 2)).contains("topic regions.v1: cleanup.policy was delete, set back to compact");
                assertThat(topics.config("regions.v1")).containsEntry("cleanup.policy", "compact");
            }
            produce(broker.bootstrapServers(), "regions.v1", "CN-GX", "{\"code\":\"CN-GX\"}");
            broker.close();

            KafkaNode restarted = new KafkaNode(spec, List.of(spec), data.resolve("kafka"), 2);
            broker = restarted;
            restarted.start("ignored: the node keeps the id it was formatted with");

            assertThat(restarted.formattedNow()).isFalse();
            assertThat(KafkaNode.clusterId(data.resolve("kafka"))).contains(clusterId);
            assertThat(Topics.clusterReady(restarted.bootstrapServers(), 1).up()).isTrue();
            try (Admin admin = Admin.create(Topics.adminConfig(restarted.bootstrapServers()))) {
                assertThat(new Topics(admin).ensure(TopicSpec.DESIGN, 5))
                        .noneMatch(line -> line.startsWith("created"))
                        .contains("topic regions.v1 keeps its 2 partitions (--partitions 5 applies to new topics; --fresh starts over)");
            }
            assertThat(consumeAll(restarted.bootstrapServers(), "regions.v1"))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("CN-GX", "{\"code\":\"CN-GX\"}"));
        } finally {
            broker.close();
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
