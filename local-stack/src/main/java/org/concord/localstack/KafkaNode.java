package org.concord.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka node (KRaft: broker and controller in one), from the org.apache.kafka artifacts. The launcher runs
 * each node in a JVM of its own ({@code kafka-node}), so neither a stalled launcher nor a crashed service takes the
 * broker with it. Its storage is formatted on the first start, in-process through Kafka's {@link Formatter}
 * (StorageTool would call System.exit), with the cluster id every node of the cluster shares; the id then lives in
 * the log directory's {@code meta.properties}, so a second start finds its topics and records again.
 */
final class KafkaNode implements AutoCloseable {

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);

    private final StackLayout.KafkaNodeSpec node;
    private final List<StackLayout.KafkaNodeSpec> cluster;
    private final Path logDirectory;
    private final int partitions;
    private KafkaRaftServer server;
    private boolean formattedNow;

    KafkaNode(StackLayout.KafkaNodeSpec node, List<StackLayout.KafkaNodeSpec> cluster, Path logDirectory, int partitions) {
        this.node = node;
        this.cluster = List.copyOf(cluster);
        this.logDirectory = logDirectory.toAbsolutePath().normalize();
        this.partitions = partitions;
    }

    /**
     * The node's settings. A static quorum of every node (rather than KIP-853's dynamic one) keeps the controller
     * addresses out of the stored metadata, so a port change never strands the data.
     */
    static Map<String, String> configuration(StackLayout.KafkaNodeSpec node, List<StackLayout.KafkaNodeSpec> cluster,
            Path logDirectory, int partitions) {
        int replicas = Math.min(cluster.size(), 3);
        String minIsr = replicas == 3 ? "2" : "1";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(node.nodeId()));
        config.put("controller.quorum.voters", cluster.stream()
                .map(voter -> voter.nodeId() + "@localhost:" + voter.controllerPort()).collect(Collectors.joining(",")));
        config.put("listeners", "PLAINTEXT://localhost:" + node.port() + "," + CONTROLLER_LISTENER + "://localhost:" + node.controllerPort());
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + node.port());
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.toAbsolutePath().normalize().toString());
        // Internal topics and topics created on demand (dead-letter topics) as durable as the cluster allows:
        // one replica on a single node; three, two of them in sync for an acks=all write, on three nodes.
        config.put("offsets.topic.replication.factor", Integer.toString(replicas));
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        config.put("transaction.state.log.min.isr", minIsr);
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        config.put("share.coordinator.state.topic.min.isr", minIsr);
        config.put("default.replication.factor", Integer.toString(replicas));
        config.put("min.insync.replicas", minIsr);
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

    /** Formats empty storage with {@code clusterId}, then starts the node in this JVM. */
    void start(String clusterId) {
        KafkaConfig config = new KafkaConfig(configuration(node, cluster, logDirectory, partitions), false);
        if (!isFormatted(logDirectory)) {
            format(clusterId);
            formattedNow = true;
        }
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            LOG.error("Kafka node {} failed to start", node.nodeId(), e);
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new LaunchException("the Kafka broker failed to start: " + LaunchException.rootCause(e), e);
        }
    }

    /** Blocks until the node has shut down (after {@link #close()} from a shutdown hook, or a fatal error). */
    void awaitShutdown() {
        KafkaRaftServer running = server;
        if (running != null) {
            running.awaitShutdown();
        }
    }

    /**
     * {@code kafka-node <node id> <brokers> <port offset> <partitions> <log directory> <cluster id>}: what the launcher
     * runs in each Kafka JVM. Returns when the node has shut down (SIGTERM runs the shutdown hook, which stops it).
     */
    static int runInThisProcess(List<String> args) {
        if (args.size() != 6) {
            throw new LaunchException("kafka-node takes <node id> <brokers> <port offset> <partitions> <log directory> <cluster id>",
                    LaunchException.USAGE);
        }
        StackLayout layout = new StackLayout(Integer.parseInt(args.get(1)), 1, Integer.parseInt(args.get(2)));
        StackLayout.KafkaNodeSpec spec = layout.nodes().get(Integer.parseInt(args.get(0)) - 1);
        KafkaNode node = new KafkaNode(spec, layout.nodes(), Path.of(args.get(4)), Integer.parseInt(args.get(3)));
        node.start(args.get(5));
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kafka-node-stop"));
        LOG.info("Kafka node {} of {} is running on {}", spec.nodeId(), spec.clusterSize(), spec.address());
        node.awaitShutdown();
        return 0;
    }

    static boolean isFormatted(Path logDirectory) {
        return Files.isRegularFile(logDirectory.resolve("meta.properties"));
    }

    /** True when this start formatted empty storage (a first run), false when it reused the last run's. */
    boolean formattedNow() {
        return formattedNow;
    }

    /** The cluster id formatted into a node's log directory, if it was formatted. */
    static Optional<String> clusterId(Path logDirectory) {
        try (Reader reader = Files.newBufferedReader(logDirectory.resolve("meta.properties"), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.ofNullable(properties.getProperty("cluster.id"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    String bootstrapServers() {
        return node.address();
    }

    private void format(String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDirectory);
            String directory = logDirectory.toString();
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(node.nodeId())
                    .setClusterId(clusterId)
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
