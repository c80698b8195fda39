package org.concord.platform.messaging;

import io.micrometer.observation.ObservationRegistry;
import org.concord.platform.inbox.IdempotentConsumer;
import tools.jackson.databind.json.JsonMapper;

/** Where a service declares its {@link EventConsumer}s: {@code consumers.function("regionEvents").on(...).build()}. */
public class EventConsumers {

    private final String service;
    private final IdempotentConsumer inbox;
    private final JsonMapper json;
    private final ConsumerObserver observer;
    private final ConsumerBindings bindings;
    private final DeadLetterPublisher deadLetters;
    private final ObservationRegistry observations;

    public EventConsumers(String service, IdempotentConsumer inbox, JsonMapper json, ConsumerObserver observer,
            ConsumerBindings bindings, DeadLetterPublisher deadLetters, ObservationRegistry observations) {
        this.service = service;
        this.inbox = inbox;
        this.json = json;
        this.observer = observer;
        this.bindings = bindings;
        this.deadLetters = deadLetters;
        this.observations = observations;
    }

    /**
     * A consumer for the binding function of this name ({@code <function>-in-0}), recorded as {@code <service>.<function>},
     * tried as often as its binding says.
     */
    public EventConsumer.Builder function(String function) {
        var binding = bindings.ofFunction(function);
        return new EventConsumer.Builder(service + "." + function, inbox, json, observer,
                new RecordObservations(observations, function, binding.map(ConsumerBindings.Binding::group).orElse(service)),
                deadLetters, binding.map(ConsumerBindings.Binding::attempts).orElse(ConsumerBindings.Attempts.DEFAULT));
    }
}
