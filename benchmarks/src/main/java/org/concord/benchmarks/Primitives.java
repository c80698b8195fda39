package org.concord.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The parts underneath, measured on the same machine in the same run: how many signature-shaped transactions the
 * stack's kind of database commits a second (two inserts, one of them ~1 KB of JSON, a durable commit, 8 clients),
 * and how many 1 KB records the stack's broker acknowledges a second with {@code acks=all}.
 */
final class Primitives {

    static final int CLIENTS = 8;
    static final String TOPIC = "concord.bench.primitives";
    private static final String JSON_KB = "{\"payload\":\"" + "x".repeat(1000) + "\"}";

    /** Both rates, per second. */
    record Rates(double databaseTransactions, String databaseKind, double brokerRecords) {
    }

    private Primitives() {
    }

    static Rates measure(Stack stack, Duration each) {
        double database = stack.postgres().map(server -> postgres(server, each)).orElseGet(() -> h2(each));
        return new Rates(database, stack.postgres().isPresent() ? "PostgreSQL" : "H2 file (WRITE_DELAY=0)",
                broker(stack, each));
    }

    private static double h2(Duration each) {
        try {
            Path directory = Files.createTempDirectory("concord-bench-h2");
            String url = "jdbc:h2:file:" + directory.resolve("primitive") + ";WRITE_DELAY=0";
            return transactions(url, "sa", "", "CLOB", each);
        } catch (java.io.IOException e) {
            throw new BenchmarkException("cannot make a directory for the H2 primitive: " + e, e);
        }
    }

    private static double postgres(String server, Duration each) {
        String user = System.getenv().getOrDefault("CONCORD_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("CONCORD_POSTGRES_PASSWORD", "");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS concord_bench_primitives");
            statement.execute("CREATE DATABASE concord_bench_primitives");
        } catch (SQLException e) {
            throw new BenchmarkException("cannot make the primitive's database on " + server + ": " + e.getMessage(), e);
        }
        return transactions("jdbc:postgresql://" + server + "/concord_bench_primitives", user, password, "JSONB", each);
    }

    /** {@value #CLIENTS} clients, each committing a signature row and an outbox row of ~1 KB JSON, for {@code each}. */
    static double transactions(String url, String user, String password, String jsonType, Duration each) {
        try (Connection setup = DriverManager.getConnection(url, user, password); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_signature (id UUID PRIMARY KEY, agreement_id UUID NOT NULL, "
                    + "party VARCHAR(8) NOT NULL, signed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS bench_outbox (id UUID PRIMARY KEY, event_type VARCHAR(100) NOT NULL, "
                    + "payload " + jsonType + " NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        } catch (SQLException e) {
            throw new BenchmarkException("the database primitive could not start on " + url + ": " + e.getMessage(), e);
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + each.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> commitUntil(url, user, password, jsonType, end, commits), "bench-db-" + i);
            client.start();
            clients.add(client);
        }
        join(clients);
        return commits.get() / (each.toNanos() / 1e9);
    }

    private static void commitUntil(String url, String user, String password, String jsonType, long end, AtomicLong commits) {
        String payload = jsonType.equals("JSONB") ? "?::jsonb" : "?";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement signature = connection.prepareStatement("INSERT INTO bench_signature VALUES (?, ?, ?, ?)");
                PreparedStatement outbox = connection.prepareStatement("INSERT INTO bench_outbox VALUES (?, ?, " + payload + ", ?)")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < end) {
                java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
                signature.setObject(1, UUID.randomUUID());
                signature.setObject(2, UUID.randomUUID());
                signature.setString(3, "CN-SC");
                signature.setTimestamp(4, now);
                signature.executeUpdate();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, "concord.agreement.signature-recorded");
                outbox.setString(3, JSON_KB);
                outbox.setTimestamp(4, now);
                outbox.executeUpdate();
                connection.commit();
                commits.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new BenchmarkException("the database primitive failed: " + e.getMessage(), e);
        }
    }

    /** 1 KB records to a topic of the stack's broker, {@code acks=all}, as fast as it acknowledges them. */
    static double broker(Stack stack, Duration each) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, Optional.of(3), Optional.of(stack.replicationFactor()))))
                    .all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new BenchmarkException("cannot create " + TOPIC + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        byte[] value = JSON_KB.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicLong acknowledged = new AtomicLong();
        Semaphore inFlight = new Semaphore(10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            long end = start + each.toNanos();
            while (System.nanoTime() < end) {
                inFlight.acquireUninterruptibly();
                producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value), (metadata, error) -> {
                    if (error == null && System.nanoTime() < end) {
                        acknowledged.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            producer.flush();
        }
        return acknowledged.get() / (each.toNanos() / 1e9);
    }

    private static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted", e);
            }
        }
    }
}
