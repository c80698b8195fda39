package org.concord.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.inbox.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a service consumes another service's topic, declared as routes: event type (or {@code prefix.*}) → the
 * consumer's own data class → an effect. It is the binding's function ({@code <function>-in-0}); for each record it
 * reads the CloudEvent, picks the route, reads the data into the consumer's own class (tolerantly: properties it
 * does not know are ignored) and runs the effect once per {@code ce_id}: the effect and the record that the event
 * was processed commit in one transaction (see {@link IdempotentConsumer}); work that must wait for the commit
 * registers itself with {@code AfterCommit}. An event type no route names is skipped.
 *
 * <p>Poison: a record that is not a CloudEvent, or whose data cannot be read as the route's class (its
 * constructor may refuse it), or whose effect fails, throws; the binder tries it three times, then parks it in
 * {@code <topic>.<service>.dlq} ({@link DeadLetterTopics}) and goes on. Its name, under which processed events are
 * recorded, is {@code <service>.<function>}.
 */
public final class EventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    /** The effect of one event, given the event and its data as the consumer reads it. */
    @FunctionalInterface
    public interface Effect<T> {
        Mono<?> apply(CloudEvent event, T data);
    }

    private record Route<T>(String types, Class<T> dataType, Effect<T> effect) {

        boolean matches(String type) {
            return types.endsWith(".*") ? type.startsWith(types.substring(0, types.length() - 1)) : type.equals(types);
        }
    }

    private final String name;
    private final List<Route<?>> routes;
    private final IdempotentConsumer inbox;
    private final JsonMapper json;
    private final ConsumerObserver observer;

    private EventConsumer(String name, List<Route<?>> routes, IdempotentConsumer inbox, JsonMapper json,
            ConsumerObserver observer) {
        this.name = name;
        this.routes = List.copyOf(routes);
        this.inbox = inbox;
        this.json = json;
        this.observer = observer;
    }

    /** The name its processed events are recorded under: {@code <service>.<function>}. */
    public String name() {
        return name;
    }

    @Override
    public void accept(Message<byte[]> message) {
        apply(message);
    }

    /**
     * Applies one record; the live binding and replays (a projection's rebuild) both come here.
     *
     * @return true if its effect ran; false for a duplicate, or an event type no route names
     */
    public boolean apply(Message<byte[]> message) {
        CloudEvent event = CloudEvent.from(message);
        for (Route<?> route : routes) {
            if (route.matches(event.type())) {
                boolean applied = apply(route, event);
                observer.consumed(name, applied ? ConsumerObserver.Outcome.APPLIED : ConsumerObserver.Outcome.REDELIVERED);
                return applied;
            }
        }
        log.debug("{} skipped {} {}: no route for it", name, event.type(), event.id());
        observer.consumed(name, ConsumerObserver.Outcome.SKIPPED);
        return false;
    }

    private <T> boolean apply(Route<T> route, CloudEvent event) {
        T data = event.data(json, route.dataType());
        return inbox.apply(name, event, e -> route.effect().apply(e, data).then());
    }

    /** Declares a consumer's routes. */
    public static final class Builder {

        private final String name;
        private final IdempotentConsumer inbox;
        private final JsonMapper json;
        private final ConsumerObserver observer;
        private final List<Route<?>> routes = new ArrayList<>();

        Builder(String name, IdempotentConsumer inbox, JsonMapper json, ConsumerObserver observer) {
            this.name = name;
            this.inbox = inbox;
            this.observer = observer;
            this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        }

        /** Events of {@code types} (one type, or {@code concord.agreement.*}) are read as {@code dataType}. */
        public <T> Builder on(String types, Class<T> dataType, Effect<T> effect) {
            routes.add(new Route<>(types, dataType, effect));
            return this;
        }

        public EventConsumer build() {
            return new EventConsumer(name, routes, inbox, json, observer);
        }
    }
}
