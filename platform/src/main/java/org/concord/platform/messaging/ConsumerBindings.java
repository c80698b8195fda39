package org.concord.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The service's consumers as its bindings declare them ({@code <function>-in-0}): which topic each reads, in which
 * group, under which name its processed events are recorded, where its dead letters go, and how often a record whose
 * effect fails is tried before it is parked there.
 */
public record ConsumerBindings(List<Binding> bindings) {

    /** One consumer binding. */
    public record Binding(String function, String consumer, String topic, String group, String deadLetterTopic,
            Attempts attempts) {
    }

    /**
     * How often a record whose effect fails is tried ({@code max}, the first attempt included), and how long to wait
     * after the first failure ({@code initialWait}; each wait then {@code multiplier} times the last, at most
     * {@code longestWait}).
     */
    public record Attempts(int max, Duration initialWait, double multiplier, Duration longestWait) {

        /** Three attempts, 200 ms then 400 ms apart: the binding defaults of every service. */
        public static final Attempts DEFAULT = new Attempts(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1));

        public Attempts {
            if (max < 1) {
                throw new IllegalArgumentException("a record is tried at least once (max-attempts " + max + ")");
            }
        }

        /** How long to wait after the {@code attempt}-th failure (1 for the first). */
        public Duration waitAfter(int attempt) {
            double millis = initialWait.toMillis() * Math.pow(multiplier, attempt - 1);
            return Duration.ofMillis((long) Math.min(millis, longestWait.toMillis()));
        }
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

    /** The binding of the function of this name ({@code <function>-in-0}). */
    public Optional<Binding> ofFunction(String function) {
        return bindings.stream().filter(binding -> binding.function().equals(function)).findFirst();
    }

    public List<String> deadLetterTopics() {
        return bindings.stream().map(Binding::deadLetterTopic).distinct().toList();
    }
}
