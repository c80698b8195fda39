package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TopicSpecTest {

    private final Map<String, TopicSpec> topics =
            TopicSpec.DESIGN.stream().collect(Collectors.toMap(TopicSpec::name, topic -> topic));

    @Test
    void the_local_stack_creates_exactly_the_three_topics_of_DESIGN() {
        assertThat(topics).containsOnlyKeys("regions.v1", "agreements.v1", "notifications.v1");
    }

    @Test
    void regions_are_compacted_because_every_event_carries_the_full_snapshot() {
        assertThat(topics.get("regions.v1").config()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("regions.v1").describe()).isEqualTo("compacted");
    }

    @Test
    void agreements_are_kept_forever_because_projections_are_rebuilt_from_them() {
        assertThat(topics.get("agreements.v1").config())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "-1");
        assertThat(topics.get("agreements.v1").describe()).isEqualTo("retention unlimited");
    }

    @Test
    void notifications_are_kept_for_seven_days() {
        assertThat(topics.get("notifications.v1").config())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "604800000");
        assertThat(topics.get("notifications.v1").describe()).isEqualTo("retention 7 days");
    }

    @Test
    void on_a_cluster_an_acks_all_write_needs_two_replicas_and_a_single_node_needs_no_setting() {
        assertThat(topics.get("agreements.v1").withMinInsyncReplicas(2).config())
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("retention.ms", "-1");
        assertThat(topics.get("agreements.v1").withMinInsyncReplicas(1).config()).doesNotContainKey("min.insync.replicas");
    }

    @Test
    void every_consumer_has_a_dead_letter_topic_kept_until_someone_deals_with_it_as_in_the_compose_file() {
        assertThat(TopicSpec.DEAD_LETTERS).extracting(TopicSpec::name).containsExactly(
                "regions.v1.agreements-service.dlq", "regions.v1.notifications-service.dlq",
                "agreements.v1.regions-service.dlq", "agreements.v1.notifications-service.dlq");
        assertThat(TopicSpec.DEAD_LETTERS).allSatisfy(topic -> assertThat(topic.config()).containsEntry("retention.ms", "-1"));
        assertThat(TopicSpec.all()).hasSize(7);
    }
}
