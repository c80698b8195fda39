package org.concord.localstack;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The one directory holding everything the local stack keeps between runs: {@code kafka/} (the broker's log; a
 * cluster has {@code kafka-1/} to {@code kafka-3/}), {@code <service>/db.mv.db} (each service's H2 file),
 * {@code logs/} and {@code run/} (the running stack's pids). A marker file tells {@code --fresh} the directory is
 * ours to wipe.
 */
final class DataDirectory {

    static final String MARKER = ".concord-data";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates (or, with {@code fresh}, empties) the directory and proves every part of it writable, so that
     * a bad path is one clear sentence here rather than a stack trace from the broker or H2 later.
     */
    static DataDirectory prepare(Path root, boolean fresh, List<String> kafkaNodes, List<String> serviceNames) {
        Path directory = root.toAbsolutePath().normalize();
        if (fresh && Files.exists(directory)) {
            wipe(directory);
        }
        DataDirectory data = new DataDirectory(directory);
        boolean created = !Files.exists(directory) || isEmpty(directory);
        writable(directory);
        if (created) {
            touch(directory.resolve(MARKER));
        }
        requireSameKafkaShape(directory, kafkaNodes);
        for (String node : kafkaNodes) {
            writable(data.kafka(node));
        }
        writable(data.logs());
        for (String service : serviceNames) {
            writable(directory.resolve(service));
        }
        return data;
    }

    Path root() {
        return root;
    }

    /** The log directory of a Kafka node: {@code kafka} or {@code kafka-2}. */
    Path kafka(String node) {
        return root.resolve(node);
    }

    /** A single node's data cannot become a three-node cluster's, nor the other way round. */
    private static void requireSameKafkaShape(Path directory, List<String> kafkaNodes) {
        boolean single = kafkaNodes.equals(List.of("kafka"));
        Path other = directory.resolve(single ? "kafka-1" : "kafka");
        if (KafkaNode.isFormatted(other)) {
            throw new LaunchException(directory + " holds the data of a " + (single ? "three-broker Kafka cluster (kafka-1/)"
                    : "single Kafka broker (kafka/)") + ", which cannot become " + (single ? "a single broker" : "a cluster")
                    + ": start with " + (single ? "--brokers 3" : "--brokers 1") + ", or add --fresh to start over, or choose another "
                    + LaunchOptions.DATA_DIR_VARIABLE, LaunchException.USAGE);
        }
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path logFile(String name) {
        return logs().resolve(name + ".log");
    }

    private static void writable(Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new LaunchException("data directory " + directory + " is not writable (" + reason(e) + "): "
                    + "set " + LaunchOptions.DATA_DIR_VARIABLE + " to a directory you can write to", LaunchException.USAGE, e);
        }
    }

    private static void wipe(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new LaunchException("--fresh: " + directory + " is not a directory", LaunchException.USAGE);
        }
        if (!isEmpty(directory) && !Files.exists(directory.resolve(MARKER))) {
            throw new LaunchException("--fresh refuses to empty " + directory + ": ./concord did not create it (no "
                    + MARKER + " inside); remove it yourself or choose another " + LaunchOptions.DATA_DIR_VARIABLE,
                    LaunchException.USAGE);
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory)).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new LaunchException("--fresh could not empty " + directory + " (" + reason(e) + ")", LaunchException.USAGE, e);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "Created by ./concord up: the local stack's data. ./concord up --fresh empties it.\n");
        } catch (IOException e) {
            throw new LaunchException("could not write " + file + " (" + reason(e) + ")", LaunchException.USAGE, e);
        }
    }

    /** "permission denied", "read-only file system: /x": the operating system's reason, without a stack trace. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "a file, not a directory, is at " + exists.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason().toLowerCase(Locale.ROOT) + ": " + failure.getFile();
        }
        return LaunchException.rootCause(e);
    }
}
