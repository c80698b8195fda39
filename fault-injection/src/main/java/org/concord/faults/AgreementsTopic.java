package org.concord.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * {@code agreements.v1} as the suite sees it: a consumer of its own (no group, from the beginning) keeps every record
 * with its CloudEvents id, type and the party of a signature; and an admin client reads how far each service's
 * consumer group has come, and how many records the dead-letter topics hold.
 */
final class AgreementsTopic implements AutoCloseable {

    static final String TOPIC = "agreements.v1";
    static final List<String> CONSUMER_GROUPS = List.of("regions-service", "notifications-service");

    /** A record of the topic; {@code ceId} null for a record that is not a CloudEvent (poison). */
    record Event(int partition, long offset, String key, String ceId, String type, String party, long version) {
    }

    private final String bootstrapServers;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Map<String, Event> byCeId = new ConcurrentHashMap<>();
    private final Map<String, Event> signatures = new ConcurrentHashMap<>();
    private final java.util.Deque<ConsumerRecord<String, byte[]>> recent = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final Thread reader;
    private final Admin admin;
    private volatile boolean running = true;

    AgreementsTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties adminConfig = new Properties();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(adminConfig);
        this.reader = new Thread(this::read, "agreements-topic");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    Optional<Event> event(String ceId) {
        return Optional.ofNullable(byCeId.get(ceId));
    }

    /** The signature event of {@code party} on {@code agreement}, once the suite's consumer has read it. */
    Optional<Event> signature(String agreement, String party) {
        return Optional.ofNullable(signatures.get(agreement + "/" + party));
    }

    /**
     * True when {@code group} has committed past each of {@code events} (so it applied them), and is following the
     * topic (its committed offset is known for every partition holding one of them).
     */
    boolean consumedBy(String group, List<Event> events) {
        Map<Integer, Long> highest = new HashMap<>();
        events.forEach(event -> highest.merge(event.partition(), event.offset(), Math::max));
        Map<TopicPartition, OffsetAndMetadata> committed = highest.isEmpty() ? Map.of() : committed(group);
        for (Map.Entry<Integer, Long> needed : highest.entrySet()) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(TOPIC, needed.getKey()));
            if (offset == null || offset.offset() <= needed.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The last records read, exactly as they are on the topic (to publish them again, as duplicates). */
    List<ConsumerRecord<String, byte[]>> recentRecords() {
        return List.copyOf(recent);
    }

    /** How many partitions of {@code agreements.v1} each broker leads. */
    Map<Integer, Long> leaders() throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                .filter(partition -> partition.leader() != null)
                .collect(Collectors.groupingBy(partition -> partition.leader().id(), Collectors.counting()));
    }

    /** The cluster answers an admin request. */
    boolean clusterAnswers() {
        try {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** True when every consumer group has committed up to the end of the topic. */
    boolean drained() {
        try {
            Map<TopicPartition, OffsetSpec> latest = partitions().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
            for (String group : CONSUMER_GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    if (end.getValue() > 0 && (offset == null || offset.offset() < end.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Records in each topic whose name starts with {@code prefix} (the dead-letter topics: {@code agreements.v1.}). */
    Map<String, Long> recordCounts(String prefix) {
        try {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
            Map<String, Long> counts = new HashMap<>();
            for (String topic : topics) {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                description.partitions().forEach(partition -> {
                    earliest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.earliest());
                    latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
                });
                long first = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
                long last = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
                counts.put(topic, last - first);
            }
            return counts;
        } catch (Exception e) {
            return Map.of();
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private List<TopicPartition> partitions() {
        try {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private void read() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (running && partitions.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
                infos.forEach(info -> partitions.add(new TopicPartition(TOPIC, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        Event event = event(record);
                        events.add(event);
                        recent.addLast(record);
                        if (recent.size() > 100) {
                            recent.pollFirst();
                        }
                        if (event.ceId() != null) {
                            byCeId.putIfAbsent(event.ceId(), event);
                        }
                        if ("concord.agreement.signature-recorded".equals(event.type()) && event.party() != null) {
                            signatures.putIfAbsent(event.key() + "/" + event.party(), event);
                        }
                    }
                } catch (RuntimeException e) {
                    // a broker down: the consumer reconnects by itself
                }
            }
        }
    }

    static Event event(ConsumerRecord<String, byte[]> record) {
        String ceId = header(record, "ce_id");
        String type = header(record, "ce_type");
        String party = null;
        long version = -1;
        try {
            JsonNode data = Http.JSON.readTree(record.value());
            party = data.path("signature").path("party").asString(null);
            version = data.path("agreement").path("version").asLong(-1);
        } catch (RuntimeException e) {
            // not JSON: a poison record
        }
        return new Event(record.partition(), record.offset(), record.key(), ceId, type, party, version);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
