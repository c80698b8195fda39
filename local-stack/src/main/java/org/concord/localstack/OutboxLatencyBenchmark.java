package org.concord.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./concord bench}: how long an agreement event takes from its change to the topic, on the running
 * local stack. It drafts agreements one after another through the REST API and reads {@code agreements.v1}
 * beside it; for each {@code drafted} event the latency is the moment a consumer sees the record minus its
 * {@code ce_time} (taken inside the transaction, before the commit: an upper bound of commit-to-topic).
 */
final class OutboxLatencyBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final URI agreements;
    private final String bootstrapServers;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    OutboxLatencyBenchmark(URI agreements, String bootstrapServers, String token) {
        this.agreements = agreements;
        this.bootstrapServers = bootstrapServers;
        this.token = token;
    }

    static int run(List<String> args, Path dataDirectory) {
        int events = args.size() > 0 ? Integer.parseInt(args.get(0)) : 200;
        DevKeys keys = new DevKeys(dataDirectory);
        keys.ensure();
        String token = DevToken.parse(List.of("admin")).sign(keys.privateKey(), Instant.now());
        var benchmark = new OutboxLatencyBenchmark(URI.create("http://localhost:8082/api/agreements"), "localhost:9092", token);
        List<Long> micros = benchmark.measure(20, events);
        System.out.println(report(micros));
        return 0;
    }

    List<Long> measure(int warmUp, int events) {
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        Set<String> ours = ConcurrentHashMap.newKeySet();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor("agreements.v1", Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < warmUp + events; i++) {
                String id = draft(i);
                if (i >= warmUp) {
                    ours.add(id);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!latencies.containsKey(id) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        Instant seen = Instant.now();
                        String time = header(record, "ce_time");
                        if ("concord.agreement.drafted".equals(header(record, "ce_type")) && time != null) {
                            Instant changed = OffsetDateTime.parse(time).toInstant();
                            latencies.put(record.key(), Duration.between(changed, seen).toNanos() / 1000);
                        }
                    }
                }
            }
        }
        List<Long> measured = new ArrayList<>();
        ours.forEach(id -> {
            if (latencies.containsKey(id)) {
                measured.add(latencies.get(id));
            }
        });
        Collections.sort(measured);
        return measured;
    }

    static String report(List<Long> micros) {
        if (micros.isEmpty()) {
            return "no events measured";
        }
        return String.format("change-to-topic latency over %d agreements.v1 events (ms): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f",
                micros.size(), percentile(micros, 50), percentile(micros, 90), percentile(micros, 99),
                micros.get(micros.size() - 1) / 1000.0);
    }

    static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private String draft(int n) {
        String body = """
                {"title":"Benchmark MoU %d","kind":"MOU","areas":["E_COMMERCE"],"summary":"latency benchmark",
                 "commitments":["measure the outbox"],"counterpart":"ASEAN","convener":"CN-GX","parties":["CN-GX","CN-SC"],
                 "signingEvent":{"name":"Benchmark","venue":"Nanning","date":"2024-09-24"},
                 "term":{"effectiveFrom":"2024-09-24","until":null}}""".formatted(n);
        HttpRequest request = HttpRequest.newBuilder(agreements)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() != 201 || !id.find()) {
                throw new LaunchException("drafting failed with " + response.statusCode() + ": " + response.body());
            }
            return id.group(1);
        } catch (java.io.IOException e) {
            throw new LaunchException("agreements-service is not answering on " + agreements + ": run ./concord up first", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
