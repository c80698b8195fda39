package org.concord.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes the broker's topics match {@link TopicSpec}s: creates the missing ones (replicated as the cluster allows:
 * three replicas and {@code min.insync.replicas=2} on three nodes), and puts back a setting that drifted on an
 * existing one (a compacted regions.v1 must stay compacted). Partition counts of existing topics are left alone:
 * Kafka can only add partitions, and that remaps keys.
 */
final class Topics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    Topics(Admin admin) {
        this.admin = admin;
    }

    static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "concord-local-stack",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    }

    /** Returns one line per thing done or noticed, for the console. */
    List<String> ensure(List<TopicSpec> specs, int partitions) {
        return ensure(specs, partitions, 1, 1);
    }

    /** As {@link #ensure(List, int)}, with {@code replicas} per partition, {@code minInsync} of them for an acks=all write. */
    List<String> ensure(List<TopicSpec> designed, int partitions, int replicas, int minInsync) {
        List<TopicSpec> specs = designed.stream().map(spec -> spec.withMinInsyncReplicas(minInsync)).toList();
        List<String> report = new ArrayList<>();
        Set<String> existing = get(admin.listTopics().names());
        List<TopicSpec> missing = specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
        List<TopicSpec> present = specs.stream().filter(spec -> existing.contains(spec.name())).toList();
        create(missing, partitions, replicas, report);
        correct(present, report);
        notePartitions(present, partitions, report);
        return report;
    }

    private void create(List<TopicSpec> specs, int partitions, int replicas, List<String> report) {
        if (specs.isEmpty()) {
            return;
        }
        List<NewTopic> topics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), partitions, (short) replicas).configs(spec.config()))
                .toList();
        admin.createTopics(topics).values().forEach((name, result) -> {
            try {
                get(result);
            } catch (LaunchException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
        for (TopicSpec spec : specs) {
            report.add("created topic " + spec.name() + " (" + partitions + " partitions, "
                    + (replicas > 1 ? replicas + " replicas, " : "") + spec.describe() + ")");
        }
    }

    private void correct(List<TopicSpec> specs, List<String> report) {
        if (specs.isEmpty()) {
            return;
        }
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(specs.stream().map(Topics::resource).toList()).all());
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (TopicSpec spec : specs) {
            Config actual = configs.get(resource(spec));
            List<AlterConfigOp> ops = new ArrayList<>();
            spec.sortedConfig().forEach((key, wanted) -> {
                ConfigEntry entry = actual.get(key);
                String value = entry == null ? null : entry.value();
                if (!wanted.equals(value)) {
                    ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                    report.add("topic " + spec.name() + ": " + key + " was " + value + ", set back to " + wanted);
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource(spec), ops);
            }
        }
        if (!changes.isEmpty()) {
            get(admin.incrementalAlterConfigs(changes).all());
        }
        String names = specs.stream().map(spec -> spec.name() + " (" + spec.describe() + ")").collect(Collectors.joining(", "));
        report.add("topics kept from the last run: " + names);
    }

    private void notePartitions(List<TopicSpec> specs, int partitions, List<String> report) {
        if (specs.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions =
                get(admin.describeTopics(specs.stream().map(TopicSpec::name).toList()).allTopicNames());
        descriptions.values().stream()
                .filter(description -> description.partitions().size() != partitions)
                .forEach(description -> report.add("topic " + description.name() + " keeps its "
                        + description.partitions().size() + " partitions (--partitions " + partitions
                        + " applies to new topics; --fresh starts over)"));
    }

    /** True when the Kafka node at {@code address} answers and knows a cluster with {@code nodes} brokers in it. */
    static Health.Status clusterReady(String address, int nodes) {
        Map<String, Object> config = new HashMap<>(adminConfig(address));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(config)) {
            int seen = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return seen >= nodes ? new Health.Status(true, "UP")
                    : new Health.Status(false, seen + " of " + nodes + " brokers in the cluster");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health.Status(false, "interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return new Health.Status(false, "not answering yet");
        }
    }

    /** The settings the broker holds for a topic, e.g. to check {@code cleanup.policy}. */
    Map<String, String> config(String topic) {
        Config config = get(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic))).all())
                .values().iterator().next();
        return config.entries().stream()
                .filter(entry -> entry.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }

    private static ConfigResource resource(TopicSpec spec) {
        return new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        } catch (ExecutionException e) {
            throw new LaunchException("could not set up the topics: " + LaunchException.rootCause(e), e.getCause());
        } catch (TimeoutException e) {
            throw new LaunchException("the broker did not answer within " + TIMEOUT.toSeconds() + " s while setting up the topics");
        }
    }
}
