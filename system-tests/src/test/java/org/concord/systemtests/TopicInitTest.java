package org.concord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The one-shot topic-init step creates the topics docs/events.md describes and the dead-letter topic of every consumer. */
class TopicInitTest {

    static final String SCRIPT = "deploy/kafka/create-topics.sh";

    private final Map<String, String> created = Scripts.topicsCreatedBy(SCRIPT).stream()
            .collect(Collectors.toMap(Scripts.Topic::name, Scripts.Topic::settings));

    @Test
    void creates_every_topic_the_services_use_with_the_retention_of_the_design() {
        Set<String> used = new TreeSet<>();
        ServiceSettings.SERVICES.forEach(service -> used.addAll(ServiceSettings.of(service).topics()));
        assertThat(used).containsExactlyInAnyOrder("regions.v1", "agreements.v1", "notifications.v1");

        assertThat(created.keySet()).containsAll(used);
        assertThat(created.get("regions.v1")).isEqualTo("cleanup.policy=compact");
        assertThat(created.get("agreements.v1")).isEqualTo("cleanup.policy=delete,retention.ms=-1");
        assertThat(created.get("notifications.v1")).isEqualTo("cleanup.policy=delete,retention.ms=604800000");
    }

    @Test
    void creates_the_dead_letter_topic_of_every_consumer_and_no_other() {
        Set<String> deadLetterTopics = new TreeSet<>();
        ServiceSettings.SERVICES.forEach(service -> deadLetterTopics.addAll(ServiceSettings.of(service).deadLetterTopics()));
        // <topic>.<service>.dlq for every consumer binding, the platform's rule
        assertThat(deadLetterTopics).isNotEmpty().allMatch(name -> name.matches("[a-z]+\\.v1\\.[a-z]+-service\\.dlq"));

        Set<String> createdDeadLetterTopics = created.keySet().stream()
                .filter(name -> name.endsWith(".dlq"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(createdDeadLetterTopics).isEqualTo(deadLetterTopics);
    }
}
