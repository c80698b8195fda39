package org.concord.platform.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * consumer's own data class → an effect. It is the binding's function ({@code <function>-in-0}, in batch mode: it gets
 * each poll whole). For each record it reads the CloudEvent, picks the route, reads the data into the consumer's own
 * class (tolerantly: properties it does not know are ignored); then the effects of the poll's events run one after the
 * other, in the records' order, and commit in one transaction with the records that the events were processed, so
 * each runs once per {@code ce_id} (see {@link IdempotentConsumer}); work that must wait for the commit registers
 * itself with {@code AfterCommit}. An event type no route names is skipped; an event repeated within the poll is
 * applied once.
 *
 * <p>Poison: a record that is not a CloudEvent, or whose data cannot be read as the route's class (its constructor
 * may refuse it), is parked in {@code <topic>.<service>.dlq} ({@link DeadLetterTopics}) at once. When the poll's
 * transaction fails (an effect failed), its events are applied again one by one, each in a transaction of its own and
 * tried as often as the binding says ({@code max-attempts}, three); one that still fails is parked, and the consumer
 * goes on. The poll is acknowledged only once every record that had to be parked is in the dead-letter topic; if one
 * cannot be parked, the consumer throws and the whole poll is delivered again. Its name, under which processed events
 * are recorded, is {@code <service>.<function>}.
 */
public final class EventConsumer implements Consumer<Message<List<byte[]>>> {

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

    /** A record of the poll as read: its event, and the effect its route gives it (null: no route names its type). */
    private record Read(ConsumerRecord<byte[], byte[]> record, Observation received, CloudEvent event,
            Function<CloudEvent, Mono<Void>> effect) {
    }

    private final String name;
    private final List<Route<?>> routes;
    private final IdempotentConsumer inbox;
    private final JsonMapper json;
    private final ConsumerObserver observer;
    private final RecordObservations observations;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerBindings.Attempts attempts;

    private EventConsumer(Builder builder) {
        this.name = builder.name;
        this.routes = List.copyOf(builder.routes);
        this.inbox = builder.inbox;
        this.json = builder.json;
        this.observer = builder.observer;
        this.observations = builder.observations;
        this.deadLetters = builder.deadLetters;
        this.attempts = builder.attempts;
    }

    /** The name its processed events are recorded under: {@code <service>.<function>}. */
    public String name() {
        return name;
    }

    /** Applies a poll: the binding comes here. */
    @Override
    public void accept(Message<List<byte[]>> poll) {
        List<ConsumerRecord<byte[], byte[]>> records = PolledRecords.of(poll);
        List<Observation> received = records.stream().map(observations::received).toList();
        try {
            apply(records, received);
        } finally {
            received.forEach(Observation::stop);
        }
    }

    /**
     * Applies one record in a transaction of its own: replays (a projection's rebuild, a dead letter) come here.
     *
     * @return true if its effect ran; false for a duplicate, or an event type no route names
     * @throws RuntimeException if it cannot be read or its effect fails (nothing is parked)
     */
    public boolean apply(Message<byte[]> message) {
        Read read = read(message, null, Observation.NOOP);
        if (read.effect() == null) {
            log.debug("{} skipped {} {}: no route for it", name, read.event().type(), read.event().id());
            observer.consumed(name, ConsumerObserver.Outcome.SKIPPED);
            return false;
        }
        boolean applied = inbox.apply(name, read.event(), read.effect());
        observer.consumed(name, applied ? ConsumerObserver.Outcome.APPLIED : ConsumerObserver.Outcome.REDELIVERED);
        return applied;
    }

    private void apply(List<ConsumerRecord<byte[], byte[]>> records, List<Observation> received) {
        List<Read> pending = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            Read read;
            try {
                read = read(PolledRecords.message(records.get(i)), records.get(i), received.get(i));
            } catch (RuntimeException e) {
                log.warn("{} cannot read {}-{}@{}, parking it: {}", name, records.get(i).topic(),
                        records.get(i).partition(), records.get(i).offset(), e.getMessage());
                park(records.get(i), received.get(i), e);
                continue;
            }
            if (read.effect() == null) {
                log.debug("{} skipped {} {}: no route for it", name, read.event().type(), read.event().id());
                observer.consumed(name, ConsumerObserver.Outcome.SKIPPED);
            } else if (!eventIds.add(read.event().id())) {
                log.debug("{} skipped event {} ({}): delivered twice in one poll", name, read.event().id(), read.event().type());
                observer.consumed(name, ConsumerObserver.Outcome.REDELIVERED);
            } else {
                pending.add(read);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<Boolean> applied;
        try {
            applied = inbox.applyAll(name, pending.stream()
                    .map(read -> new IdempotentConsumer.Pending(read.event(), read.effect())).toList());
        } catch (RuntimeException e) {
            log.warn("{}: applying a poll of {} events failed ({}); trying them one by one", name, pending.size(), e.toString());
            // a poll of one event was that event's first attempt
            int failed = pending.size() == 1 ? 1 : 0;
            pending.forEach(read -> applyAlone(read, failed));
            return;
        }
        applied.forEach(ran -> observer.consumed(name, ran ? ConsumerObserver.Outcome.APPLIED : ConsumerObserver.Outcome.REDELIVERED));
    }

    /** One event in a transaction of its own, tried as often as the binding says ({@code failed} tries made), then parked. */
    private void applyAlone(Read read, int failed) {
        for (int attempt = failed + 1; ; attempt++) {
            if (attempt > 1) {
                pause(attempts.waitAfter(attempt - 1));
            }
            try {
                boolean applied = inbox.apply(name, read.event(), read.effect());
                observer.consumed(name, applied ? ConsumerObserver.Outcome.APPLIED : ConsumerObserver.Outcome.REDELIVERED);
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts.max()) {
                    log.warn("{}: event {} ({}) failed {} times, parking it: {}", name, read.event().id(),
                            read.event().type(), attempt, e.toString());
                    park(read.record(), read.received(), e);
                    return;
                }
            }
        }
    }

    /** Returns once the record is in the dead-letter topic; throws (the poll is not acknowledged) if it is not. */
    private void park(ConsumerRecord<byte[], byte[]> record, Observation received, RuntimeException failure) {
        deadLetters.park(record, failure);
        received.error(failure);
        observer.consumed(name, ConsumerObserver.Outcome.DEAD_LETTERED);
    }

    private Read read(Message<byte[]> message, ConsumerRecord<byte[], byte[]> record, Observation received) {
        CloudEvent event = CloudEvent.from(message);
        for (Route<?> route : routes) {
            if (route.matches(event.type())) {
                return read(route, event, record, received);
            }
        }
        return new Read(record, received, event, null);
    }

    private <T> Read read(Route<T> route, CloudEvent event, ConsumerRecord<byte[], byte[]> record, Observation received) {
        T data = event.data(json, route.dataType());
        return new Read(record, received, event,
                e -> observations.processing(received, Mono.defer(() -> route.effect().apply(e, data).then())));
    }

    private static void pause(java.time.Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts: the poll is not acknowledged", e);
        }
    }

    /** Declares a consumer's routes. */
    public static final class Builder {

        private final String name;
        private final IdempotentConsumer inbox;
        private final JsonMapper json;
        private final ConsumerObserver observer;
        private final RecordObservations observations;
        private final DeadLetterPublisher deadLetters;
        private final ConsumerBindings.Attempts attempts;
        private final List<Route<?>> routes = new ArrayList<>();

        Builder(String name, IdempotentConsumer inbox, JsonMapper json, ConsumerObserver observer,
                RecordObservations observations, DeadLetterPublisher deadLetters, ConsumerBindings.Attempts attempts) {
            this.name = name;
            this.inbox = inbox;
            this.observer = observer;
            this.observations = observations;
            this.deadLetters = deadLetters;
            this.attempts = attempts;
            this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        }

        /** Events of {@code types} (one type, or {@code concord.agreement.*}) are read as {@code dataType}. */
        public <T> Builder on(String types, Class<T> dataType, Effect<T> effect) {
            routes.add(new Route<>(types, dataType, effect));
            return this;
        }

        public EventConsumer build() {
            return new EventConsumer(this);
        }
    }
}
