package org.concord.platform.messaging;

import org.concord.platform.inbox.IdempotentConsumer;
import tools.jackson.databind.json.JsonMapper;

/** Where a service declares its {@link EventConsumer}s: {@code consumers.function("regionEvents").on(...).build()}. */
public class EventConsumers {

    private final String service;
    private final IdempotentConsumer inbox;
    private final JsonMapper json;
    private final ConsumerObserver observer;

    public EventConsumers(String service, IdempotentConsumer inbox, JsonMapper json) {
        this(service, inbox, json, ConsumerObserver.NONE);
    }

    public EventConsumers(String service, IdempotentConsumer inbox, JsonMapper json, ConsumerObserver observer) {
        this.service = service;
        this.inbox = inbox;
        this.json = json;
        this.observer = observer;
    }

    /** A consumer for the binding function of this name ({@code <function>-in-0}), recorded as {@code <service>.<function>}. */
    public EventConsumer.Builder function(String function) {
        return new EventConsumer.Builder(service + "." + function, inbox, json, observer);
    }
}
