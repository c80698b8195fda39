package org.concord.testsupport.kafka;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concord.testsupport.Docker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real Kafka broker every integration test in a JVM shares: Testcontainers' Kafka where a Docker engine
 * runs, an in-process KRaft broker (spring-kafka-test) where none does. Started on first use, stopped when the
 * JVM exits. Tests isolate themselves with topics and consumer groups of their own, not brokers.
 */
public final class TestKafka {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = Docker.available() ? startContainer() : startInProcess();
        }
        return bootstrapServers;
    }

    public static void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics " + topics, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }

    /** Produces a record as another service (or kcat) would, and waits for the broker's acknowledgement. */
    public static void send(ProducerRecord<String, String> record) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + record.topic(), e);
        }
    }

    /**
     * Produces records to one partition (they must share a key) as one batch: the broker appends them together and a
     * consumer fetches them together, so they reach it in one poll. Waits for the broker's acknowledgement.
     */
    public static void sendTogether(java.util.List<ProducerRecord<String, String>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                // held until flush(), whatever the time between the sends
                ProducerConfig.LINGER_MS_CONFIG, 60_000,
                ProducerConfig.BATCH_SIZE_CONFIG, 1_048_576), new StringSerializer(), new StringSerializer())) {
            var sent = records.stream().map(producer::send).toList();
            producer.flush();
            for (var result : sent) {
                result.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + records.size() + " records together", e);
        }
    }

    /**
     * A service's producer settings pointed at {@code bootstrapServers} (e.g. a {@code TcpProxy} that is still
     * closed) and quick to give up, for scenarios where the broker is unreachable for a while.
     */
    public static Map<String, Object> impatientProducer(Map<String, Object> producer, String bootstrapServers) {
        Map<String, Object> impatient = new java.util.HashMap<>(producer);
        impatient.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        impatient.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        impatient.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        impatient.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000);
        return impatient;
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static String startContainer() {
        var kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private static String startInProcess() {
        var broker = new EmbeddedKafkaKraftBroker(1, 1)
                .brokerProperties(Map.of(
                        "group.initial.rebalance.delay.ms", "0",
                        "auto.create.topics.enable", "true",
                        "log.cleaner.backoff.ms", "1000"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return broker.getBrokersAsString();
    }
}
