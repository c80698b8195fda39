package org.concord.platform.messaging;

import java.util.List;
import java.util.Optional;

/**
 * The service's consumers as its bindings declare them ({@code <function>-in-0}): which topic each reads, in which
 * group, under which name its processed events are recorded, and where its dead letters go.
 */
public record ConsumerBindings(List<Binding> bindings) {

    /** One consumer binding. */
    public record Binding(String function, String consumer, String topic, String group, String deadLetterTopic) {
    }

    public ConsumerBindings {
        bindings = List.copyOf(bindings);
    }

    /** The binding whose dead letters go to {@code topic}. */
    public Optional<Binding> ofDeadLetterTopic(String topic) {
        return bindings.stream().filter(binding -> binding.deadLetterTopic().equals(topic)).findFirst();
    }

    public Optional<Binding> ofTopic(String topic) {
        return bindings.stream().filter(binding -> binding.topic().equals(topic)).findFirst();
    }

    public List<String> deadLetterTopics() {
        return bindings.stream().map(Binding::deadLetterTopic).distinct().toList();
    }
}
