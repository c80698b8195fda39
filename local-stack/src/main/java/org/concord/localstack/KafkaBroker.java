package org.concord.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one node) running inside the launcher's
 * JVM, from the org.apache.kafka artifacts. Its storage is formatted once, in this JVM through Kafka's
 * {@link Formatter} (StorageTool would call System.exit); the cluster id then lives in the log directory's
 * {@code meta.properties}, so a second start finds its topics and records again.
 */
final class KafkaBroker implements AutoCloseable {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private KafkaRaftServer server;
    private boolean formattedNow;

    KafkaBroker(Path logDirectory, int port, int controllerPort, int partitions) {
        this.logDirectory = logDirectory.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    /**
     * The broker's settings. A static one-voter quorum (rather than KIP-853's dynamic one) keeps the
     * controller address out of the stored metadata, so a port change never strands the data.
     */
    static Map<String, String> configuration(Path logDirectory, int port, int controllerPort, int partitions) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.toAbsolutePath().normalize().toString());
        // One node: every internal topic has one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // A consumer group of one service starts consuming at once instead of waiting 3 s for more members.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Topics the services' binders create on demand (dead-letter topics) get as many partitions as the
        // topics they mirror: a dead letter goes to the partition number its record came from.
        config.put("num.partitions", Integer.toString(partitions));
        // A developer machine: fewer threads, and a compaction buffer of 16 MB instead of 128 MB of heap.
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "4");
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return config;
    }

    void start() {
        KafkaConfig config = new KafkaConfig(configuration(logDirectory, port, controllerPort, partitions), false);
        if (!isFormatted()) {
            format();
            formattedNow = true;
        }
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            LOG.error("Kafka broker failed to start", e);
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new LaunchException("the Kafka broker failed to start: " + LaunchException.rootCause(e), e);
        }
    }

    boolean isFormatted() {
        return Files.isRegularFile(logDirectory.resolve("meta.properties"));
    }

    /** True when this start formatted empty storage (a first run), false when it reused the last run's. */
    boolean formattedNow() {
        return formattedNow;
    }

    Optional<String> clusterId() {
        try (Reader reader = Files.newBufferedReader(logDirectory.resolve("meta.properties"), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.ofNullable(properties.getProperty("cluster.id"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    Path logDirectory() {
        return logDirectory;
    }

    private void format() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDirectory);
            String directory = logDirectory.toString();
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(directory)
                    .addDirectory(directory)
                    .run();
            LOG.info("formatted {}: {}", directory, output.toString(StandardCharsets.UTF_8).strip());
        } catch (Exception e) {
            throw new LaunchException("could not format Kafka storage in " + logDirectory + ": " + LaunchException.rootCause(e), e);
        }
    }

    @Override
    public void close() {
        KafkaRaftServer running = server;
        server = null;
        if (running != null) {
            running.shutdown();
            running.awaitShutdown();
        }
    }
}
