package org.concord.testsupport.contract;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One example message of the contract ({@code contract/examples/<ce_type>.json}): the record a producer
 * would publish. Immutable; the {@code with...} methods return a changed copy, so a consumer test can feed
 * the same event twice (redelivery) or distinct events ({@link #withNewId()}).
 *
 * @param topic   the default topic name, e.g. {@code agreements.v1}
 * @param key     the record key (the aggregate id, equal to ce_subject)
 * @param headers the CloudEvents headers as text, in contract order
 * @param data    the record value: the event's data as JSON
 */
public record ContractExample(String topic, String key, Map<String, String> headers, String data) {

    public ContractExample {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(data, "data");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String ceType() {
        return headers.get("ce_type");
    }

    public String ceId() {
        return headers.get("ce_id");
    }

    public String ceSubject() {
        return headers.get("ce_subject");
    }

    /** The same event under a new ce_id: a distinct event as far as idempotent consumers are concerned. */
    public ContractExample withNewId() {
        return withHeader("ce_id", UUID.randomUUID().toString());
    }

    /** The example with one header set to a value, or removed when the value is null. */
    public ContractExample withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new ContractExample(topic, key, changed, data);
    }

    public ContractExample withoutHeader(String name) {
        return withHeader(name, null);
    }

    /** The example with another record key (ce_subject unchanged: see {@link #withSubject(String)}). */
    public ContractExample withKey(String newKey) {
        return new ContractExample(topic, newKey, headers, data);
    }

    /**
     * The example about another aggregate: record key and ce_subject both set. The data still names the
     * example's aggregate: change it too with {@link #withData(UnaryOperator)} (e.g. {@code agreement.id}).
     */
    public ContractExample withSubject(String subject) {
        return new ContractExample(topic, subject, headers, data).withHeader("ce_subject", subject);
    }

    /** The example with its data changed by {@code change}, which gets a copy of the data it may modify and return. */
    public ContractExample withData(UnaryOperator<ObjectNode> change) {
        ObjectNode copy = dataNode();
        ObjectNode changed = change.apply(copy);
        return withData((changed == null ? copy : changed).toString());
    }

    /** The example with other data (JSON text). */
    public ContractExample withData(String json) {
        return new ContractExample(topic, key, headers, json);
    }

    /** A copy of the data as a Jackson 3 tree. */
    public ObjectNode dataNode() {
        JsonNode node = EventContract.JSON.readTree(data);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException("data of " + ceType() + " is not a JSON object: " + data);
        }
        return object;
    }

    /** The record to send on the example's default topic. */
    public ProducerRecord<String, String> toRecord() {
        return toRecord(topic);
    }

    /** The record to send on {@code topicName} (tests use per-context topic names), headers as UTF-8 bytes. */
    public ProducerRecord<String, String> toRecord(String topicName) {
        return new ProducerRecord<>(topicName, null, key, data, recordHeaders());
    }

    /** The record as a consumer would receive it from {@code topicName} (partition 0, offset 0). */
    public ConsumerRecord<String, String> toConsumerRecord(String topicName) {
        return new ConsumerRecord<>(topicName, 0, 0L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, data, recordHeaders(), Optional.empty());
    }

    private RecordHeaders recordHeaders() {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return recordHeaders;
    }
}
