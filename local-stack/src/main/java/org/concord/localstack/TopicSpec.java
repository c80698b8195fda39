package org.concord.localstack;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A topic the local stack creates, with the settings DESIGN.md gives it. */
record TopicSpec(String name, Map<String, String> config) {

    static final String SEVEN_DAYS_MS = Long.toString(7L * 24 * 60 * 60 * 1000);

    /** DESIGN.md, "Events": regions.v1 compacted, agreements.v1 kept forever, notifications.v1 for 7 days. */
    static final List<TopicSpec> DESIGN = List.of(
            new TopicSpec("regions.v1", Map.of("cleanup.policy", "compact")),
            new TopicSpec("agreements.v1", Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
            new TopicSpec("notifications.v1", Map.of("cleanup.policy", "delete", "retention.ms", SEVEN_DAYS_MS)));

    /**
     * The consumers' dead-letter topics ({@code <topic>.<consumer service>.dlq}, as the platform's DeadLetterTopics names
     * them), kept until an operator has dealt with them; created up front, as the compose file's topic-init does, so
     * that on three brokers they are replicated like the rest.
     */
    static final List<TopicSpec> DEAD_LETTERS = List.of(
            deadLetters("regions.v1.agreements-service.dlq"),
            deadLetters("regions.v1.notifications-service.dlq"),
            deadLetters("agreements.v1.regions-service.dlq"),
            deadLetters("agreements.v1.notifications-service.dlq"));

    private static TopicSpec deadLetters(String name) {
        return new TopicSpec(name, Map.of("cleanup.policy", "delete", "retention.ms", "-1"));
    }

    /** Every topic the local stack creates. */
    static List<TopicSpec> all() {
        return java.util.stream.Stream.concat(DESIGN.stream(), DEAD_LETTERS.stream()).toList();
    }

    TopicSpec {
        config = Map.copyOf(config);
    }

    /** This topic with {@code min.insync.replicas} set, when more than one replica must acknowledge a write. */
    TopicSpec withMinInsyncReplicas(int minInsync) {
        if (minInsync <= 1) {
            return this;
        }
        Map<String, String> more = new TreeMap<>(config);
        more.put("min.insync.replicas", Integer.toString(minInsync));
        return new TopicSpec(name, more);
    }

    /** "compact", "retention unlimited", "retention 7 days": how the summary names the setting. */
    String describe() {
        if ("compact".equals(config.get("cleanup.policy"))) {
            return "compacted";
        }
        String retention = config.get("retention.ms");
        if (retention == null) {
            return "default retention";
        }
        long ms = Long.parseLong(retention);
        if (ms < 0) {
            return "retention unlimited";
        }
        return ms % 86_400_000L == 0 ? "retention " + ms / 86_400_000L + " days" : "retention " + ms + " ms";
    }

    Map<String, String> sortedConfig() {
        return new TreeMap<>(config);
    }
}
