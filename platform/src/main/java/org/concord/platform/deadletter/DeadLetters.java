package org.concord.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.concord.platform.cloudevents.CloudEventHeaders;
import org.concord.platform.domain.DomainException;
import org.concord.platform.inbox.IdempotentConsumer;
import org.concord.platform.messaging.ConsumerBindings;
import org.concord.platform.messaging.DeadLetterTopics;
import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.observability.ConcordMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The service's dead letters: listed, read one by one, and replayed to the consumer they belong to. A replay hands the
 * record to that consumer's {@link EventConsumer#apply}, the same path as a live record: its effect runs once per
 * {@code ce_id} (the inbox), so replaying a record twice, or one that was delivered again meanwhile, changes nothing.
 * The record stays in the dead-letter topic (Kafka keeps it); {@link DeadLetter#applied} tells it was dealt with.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The most dead letters a listing returns per topic (the latest). */
    static final int LISTING_LIMIT = 200;

    private static final String ORIGINAL_TOPIC = DeadLetterTopics.ORIGINAL_TOPIC;
    private static final String ORIGINAL_PARTITION = DeadLetterTopics.ORIGINAL_PARTITION;
    private static final String ORIGINAL_OFFSET = DeadLetterTopics.ORIGINAL_OFFSET;
    private static final String EXCEPTION_MESSAGE = DeadLetterTopics.EXCEPTION_MESSAGE;
    private static final String EXCEPTION_STACKTRACE = DeadLetterTopics.EXCEPTION_STACKTRACE;
    private static final Set<String> BINARY = Set.of(ORIGINAL_PARTITION, ORIGINAL_OFFSET, DeadLetterTopics.ORIGINAL_TIMESTAMP);

    private final String service;
    private final ConsumerBindings bindings;
    private final Map<String, EventConsumer> consumers;
    private final IdempotentConsumer inbox;
    private final DeadLetterTopicReader reader;
    private final MeterRegistry meters;

    DeadLetters(String service, ConsumerBindings bindings, Collection<EventConsumer> consumers, IdempotentConsumer inbox,
            DeadLetterTopicReader reader, MeterRegistry meters) {
        this.service = service;
        this.bindings = bindings;
        this.consumers = consumers.stream().collect(Collectors.toMap(EventConsumer::name, consumer -> consumer, (a, b) -> a));
        this.inbox = inbox;
        this.reader = reader;
        this.meters = meters;
    }

    public static DeadLetters create(String service, ConsumerBindings bindings, Collection<EventConsumer> consumers,
            IdempotentConsumer inbox, Map<String, Object> consumerConfig, java.time.Duration timeout, MeterRegistry meters) {
        return new DeadLetters(service, bindings, consumers, inbox, new DeadLetterTopicReader(consumerConfig, timeout), meters);
    }

    /** Every dead-letter topic of the service with its record count, and the latest records of each. */
    public Mono<DeadLetter.Listing> list() {
        return Mono.fromCallable(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            List<DeadLetter> items = new ArrayList<>();
            boolean truncated = false;
            for (String topic : bindings.deadLetterTopics()) {
                var latest = reader.latest(topic, LISTING_LIMIT);
                counts.put(topic, latest.getKey());
                truncated |= latest.getKey() > latest.getValue().size();
                latest.getValue().forEach(record -> items.add(summary(record, false)));
            }
            return new DeadLetter.Listing(service, counts, items, truncated);
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(this::withApplied);
    }

    public Mono<DeadLetter.Detail> find(String topic, int partition, long offset) {
        return record(topic, partition, offset)
                .flatMap(record -> applied(summary(record, false))
                        .map(deadLetter -> new DeadLetter.Detail(deadLetter, headers(record),
                                new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8),
                                text(record, EXCEPTION_STACKTRACE))));
    }

    /** Hands the record to its consumer again; the effect runs only if its {@code ce_id} was never processed. */
    public Mono<DeadLetter.Replay> replay(String topic, int partition, long offset) {
        return record(topic, partition, offset)
                .flatMap(record -> Mono.fromCallable(() -> replay(record)).subscribeOn(Schedulers.boundedElastic()));
    }

    private DeadLetter.Replay replay(ConsumerRecord<String, byte[]> record) {
        ConsumerBindings.Binding binding = bindings.ofDeadLetterTopic(record.topic()).orElseThrow();
        EventConsumer consumer = consumers.get(binding.consumer());
        if (consumer == null) {
            throw new DomainException(DomainException.Meaning.CONFLICT, "no consumer " + binding.consumer()
                    + " runs in this instance to replay " + address(record) + " to");
        }
        DeadLetter summary = summary(record, false);
        String outcome;
        try {
            if (summary.eventId() != null && inbox.processed(binding.consumer(), summary.eventId()).blockOptional().orElse(false)) {
                outcome = "already-applied";
            } else {
                outcome = consumer.apply(message(record, binding.topic())) ? "applied" : skippedOrDuplicate(binding, summary);
            }
        } catch (RuntimeException e) {
            count(binding.consumer(), "failed");
            log.warn("dead letter {} ({} {}) replayed to {} failed again: {}", address(record), summary.eventType(),
                    summary.eventId(), binding.consumer(), e.toString());
            throw new DomainException(DomainException.Meaning.INVALID, "the record still cannot be processed by "
                    + binding.consumer() + ": " + reason(e) + "; it stays in the dead-letter topic");
        }
        count(binding.consumer(), outcome);
        log.info("dead letter {} ({} {}) replayed to {}: {}", address(record), summary.eventType(), summary.eventId(),
                binding.consumer(), outcome);
        return new DeadLetter.Replay(record.topic(), record.partition(), record.offset(), summary.eventId(),
                binding.consumer(), outcome);
    }

    /** apply() is false for a duplicate (processed by a racing delivery just now) and for a type no route names. */
    private String skippedOrDuplicate(ConsumerBindings.Binding binding, DeadLetter summary) {
        boolean processed = summary.eventId() != null
                && inbox.processed(binding.consumer(), summary.eventId()).blockOptional().orElse(false);
        return processed ? "already-applied" : "skipped";
    }

    private Mono<ConsumerRecord<String, byte[]>> record(String topic, int partition, long offset) {
        if (bindings.ofDeadLetterTopic(topic).isEmpty()) {
            // topic names look like Java names to the problem details' scrubber: the detail names none
            return Mono.error(new DomainException(DomainException.Meaning.NOT_FOUND, service + " has no dead-letter topic"
                    + " by that name; GET /api/admin/dead-letters lists its " + bindings.deadLetterTopics().size()));
        }
        return Mono.fromCallable(() -> reader.at(topic, partition, offset)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new DomainException(DomainException.Meaning.NOT_FOUND,
                        "no dead letter at partition " + partition + ", offset " + offset + " of that dead-letter topic")));
    }

    private Mono<DeadLetter.Listing> withApplied(DeadLetter.Listing listing) {
        Map<String, List<DeadLetter>> byConsumer = listing.items().stream()
                .collect(Collectors.groupingBy(DeadLetter::consumer, LinkedHashMap::new, Collectors.toList()));
        return reactor.core.publisher.Flux.fromIterable(byConsumer.entrySet())
                .concatMap(entry -> inbox.processed(entry.getKey(), entry.getValue().stream()
                        .map(DeadLetter::eventId).filter(java.util.Objects::nonNull).toList())
                        .map(eventId -> entry.getKey() + "/" + eventId))
                .collect(java.util.stream.Collectors.toSet())
                .map(processed -> new DeadLetter.Listing(listing.service(), listing.topics(), listing.items().stream()
                        .map(item -> withApplied(item, item.eventId() != null
                                && processed.contains(item.consumer() + "/" + item.eventId())))
                        .toList(), listing.truncated()));
    }

    private Mono<DeadLetter> applied(DeadLetter deadLetter) {
        if (deadLetter.eventId() == null) {
            return Mono.just(deadLetter);
        }
        return inbox.processed(deadLetter.consumer(), deadLetter.eventId()).map(done -> withApplied(deadLetter, done));
    }

    private static DeadLetter withApplied(DeadLetter d, boolean applied) {
        return new DeadLetter(d.topic(), d.partition(), d.offset(), d.parkedAt(), d.key(), d.eventId(), d.eventType(),
                d.originalTopic(), d.originalPartition(), d.originalOffset(), d.reason(), d.consumer(), applied);
    }

    private DeadLetter summary(ConsumerRecord<String, byte[]> record, boolean applied) {
        ConsumerBindings.Binding binding = bindings.ofDeadLetterTopic(record.topic()).orElseThrow();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), text(record, CloudEventHeaders.ID), text(record, CloudEventHeaders.TYPE),
                text(record, ORIGINAL_TOPIC), (Integer) number(record, ORIGINAL_PARTITION),
                (Long) number(record, ORIGINAL_OFFSET), rootCause(record), binding.consumer(), applied);
    }

    /** The record as the binder hands a live one to the consumer: payload, headers, key, the original topic. */
    private static Message<byte[]> message(ConsumerRecord<String, byte[]> record, String originalTopic) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("x-")) {
                message.setHeader(header.key(), header.value());
            }
        }
        if (record.key() != null) {
            message.setHeader(KafkaHeaders.RECEIVED_KEY, record.key());
        }
        return message.setHeader(KafkaHeaders.RECEIVED_TOPIC, originalTopic).build();
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().equals(EXCEPTION_STACKTRACE)) {
                Object number = BINARY.contains(header.key()) ? number(header.value()) : null;
                headers.put(header.key(), number != null ? number.toString()
                        : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    /**
     * Why the consumer failed: the message of the innermost cause in the parked stack trace (outer messages only wrap
     * it), without its class; the failure's own message when it has no cause.
     */
    static String rootCause(ConsumerRecord<String, byte[]> record) {
        String stackTrace = text(record, EXCEPTION_STACKTRACE);
        String reason = null;
        if (stackTrace != null) {
            for (String line : stackTrace.split("\n")) {
                java.util.regex.Matcher cause = CAUSE.matcher(line);
                if (cause.find()) {
                    reason = cause.group(1).strip();
                }
            }
        }
        return reason != null && !reason.isEmpty() ? reason : text(record, EXCEPTION_MESSAGE);
    }

    private static final java.util.regex.Pattern CAUSE = java.util.regex.Pattern.compile("^Caused by: [\\w.$]+: (.*)$");

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Object number(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : number(header.value());
    }

    /** The original partition is written as 4 bytes, offsets and timestamps as 8 (big-endian). */
    private static Object number(byte[] value) {
        if (value == null) {
            return null;
        }
        return switch (value.length) {
            case 4 -> ByteBuffer.wrap(value).getInt();
            case 8 -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }

    /** The innermost message: what an operator needs to fix the cause (admins only see it; no class names). */
    private static String reason(RuntimeException e) {
        String reason = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason == null ? "its effect failed again (the service's log has the details)" : reason;
    }

    private void count(String consumer, String outcome) {
        Counter.builder(ConcordMeters.DEAD_LETTER_REPLAYS).description("Dead letters replayed by an operator")
                .tag(ConcordMeters.CONSUMER, consumer).tag(ConcordMeters.OUTCOME, outcome.toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }

    private static String address(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
