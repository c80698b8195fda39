package org.concord.testsupport.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks a Kafka record against the Concord event contract (module {@code contract}): the CloudEvents
 * binary-mode headers, the event type's place on its topic, the record key, and the data against the
 * JSON Schema of its {@code ce_type}. Producers' tests call {@link #assertConforms(ConsumerRecord)} on
 * what they emitted.
 *
 * <p>Which types belong on which topic, and the header and data schema of each type, are read from
 * {@code contract/asyncapi.yaml}: the AsyncAPI document is the single source of truth.
 */
public final class EventContract {

    static final String ROOT = "contract/";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the data must say about the aggregate the event is about, per topic: it must equal ce_subject. */
    private static final Map<String, String> SUBJECT_IN_DATA = Map.of(
            "regions", "/code",
            "agreements", "/agreement/id",
            "notifications", "/deliveryId");

    private final List<Channel> channels;
    private final Map<String, Message> messages;
    private final Schema headersSchema;

    /** One topic of the contract: {@code address} is the default name (regions.v1), {@code base} its stem (regions). */
    record Channel(String address, String base) {
    }

    /** One event type: its topic, and the schemas of its headers and its data. */
    record Message(String ceType, Channel channel, Schema headers, Schema data, String dataSchema) {
    }

    private EventContract() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .pathType(PathType.JSON_PATH)
                                .build()));
        JsonNode asyncApi = readYaml(ROOT + "asyncapi.yaml");
        this.headersSchema = registry.getSchema(
                SchemaLocation.of("classpath:" + ROOT + "schemas/cloudevents-headers.schema.json"));
        List<Channel> channelList = new ArrayList<>();
        Map<String, Message> messageMap = new LinkedHashMap<>();
        for (JsonNode channelNode : asyncApi.path("channels").values()) {
            String address = channelNode.path("address").asString();
            Channel channel = new Channel(address, address.split("\\.")[0]);
            channelList.add(channel);
            for (JsonNode reference : channelNode.path("messages").values()) {
                String pointer = reference.path("$ref").asString().substring(1);
                JsonNode message = asyncApi.at(pointer);
                String ceType = message.path("name").asString();
                // The message's header schema lives in the AsyncAPI document; it refers to ./schemas/... relative to it.
                Schema headers = registry.getSchema(
                        SchemaLocation.of("classpath:" + ROOT + "asyncapi-" + ceType + "-headers.json"),
                        message.path("headers"));
                String dataSchema = ROOT + message.path("payload").path("$ref").asString().replaceFirst("^\\./", "");
                Schema data = registry.getSchema(SchemaLocation.of("classpath:" + dataSchema));
                headers.initializeValidators();
                data.initializeValidators();
                messageMap.put(ceType, new Message(ceType, channel, headers, data, dataSchema));
            }
        }
        this.channels = List.copyOf(channelList);
        this.messages = Collections.unmodifiableMap(messageMap);
    }

    private static final class Loaded {
        static final EventContract CONTRACT = new EventContract();
    }

    private static EventContract contract() {
        return Loaded.CONTRACT;
    }

    /** Every ce_type of the contract, in the order of the AsyncAPI document. */
    public static List<String> eventTypes() {
        return List.copyOf(contract().messages.keySet());
    }

    /** The default topic name (the AsyncAPI channel address) on which events of this type are published. */
    public static String topicOf(String ceType) {
        Message message = contract().messages.get(ceType);
        if (message == null) {
            throw new IllegalArgumentException("'" + ceType + "' is not an event type of the contract: " + eventTypes());
        }
        return message.channel().address();
    }

    /** The classpath location of the data schema of this type, e.g. {@code contract/schemas/concord.agreement.signed.schema.json}. */
    public static String dataSchemaOf(String ceType) {
        topicOf(ceType);
        return contract().messages.get(ceType).dataSchema();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Assertions

    /** Fails with every violation listed when the record (as read from Kafka) does not conform to the contract. */
    public static void assertConforms(ConsumerRecord<?, ?> record) {
        Objects.requireNonNull(record, "record");
        failIfAny(record.topic(), text(record.key()), record.headers(), text(record.value()));
    }

    /** Fails with every violation listed when the record a producer is about to send does not conform. */
    public static void assertConforms(ProducerRecord<?, ?> record) {
        Objects.requireNonNull(record, "record");
        failIfAny(record.topic(), text(record.key()), record.headers(), text(record.value()));
    }

    /** Fails with every violation listed; {@code headers} are the header values as text. */
    public static void assertConforms(String topic, String key, Map<String, String> headers, String json) {
        Objects.requireNonNull(topic, "topic");
        failIfAny(topic, key, headers, json);
    }

    /** As {@link #assertConforms(String, String, Map, String)} without checking the topic, for a record not yet addressed. */
    public static void assertConforms(String key, Map<String, String> headers, String json) {
        failIfAny(null, key, headers, json);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Violations

    /** Every way the record breaks the contract; empty when it conforms. */
    public static List<String> violations(ConsumerRecord<?, ?> record) {
        return contract().check(record.topic(), text(record.key()), textHeaders(record.headers()),
                duplicated(record.headers()), text(record.value()));
    }

    /** Every way the record breaks the contract; empty when it conforms. {@code headers} are the header values as text. */
    public static List<String> violations(String topic, String key, Map<String, String> headers, String json) {
        Objects.requireNonNull(topic, "topic");
        return contract().check(topic, key, headers, Set.of(), json);
    }

    /** As {@link #violations(String, String, Map, String)} without checking the topic. */
    public static List<String> violations(String key, Map<String, String> headers, String json) {
        return contract().check(null, key, headers, Set.of(), json);
    }

    private List<String> check(String topic, String key, Map<String, String> headers, Set<String> duplicated, String json) {
        Map<String, String> headerValues = headers == null ? Map.of() : headers;
        List<String> violations = new ArrayList<>();
        duplicated.forEach(name -> violations.add("header " + name + " appears more than once"));

        // Headers: the CloudEvents attributes, with the type's own constants (ce_type, ce_source) when the type is known.
        String ceType = headerValues.get("ce_type");
        Message message = ceType == null ? null : messages.get(ceType);
        ObjectNode headerNode = JSON.createObjectNode();
        headerValues.forEach((name, value) -> {
            if (name != null && value != null) {
                headerNode.put(name, value);
            }
        });
        (message == null ? headersSchema : message.headers()).validate(headerNode).stream()
                .map(error -> "header " + describeHeader(error))
                .distinct()
                .forEach(violations::add);

        // Topic: the type must be published on its channel (tests use per-context names such as agreements.v1-3f2a).
        Channel channel = topic == null ? null : channelOf(topic);
        if (topic != null && channel == null) {
            violations.add("topic '" + topic + "' is none of the contract's topics "
                    + channels.stream().map(Channel::address).toList());
        }
        if (message != null && channel != null && !channel.equals(message.channel())) {
            violations.add("ce_type " + ceType + " belongs on topic " + message.channel().address()
                    + ", not on '" + topic + "' (a " + channel.address() + " topic)");
        }

        // Key: the aggregate id, equal to ce_subject.
        String subject = headerValues.get("ce_subject");
        if (key == null) {
            violations.add("record key is missing: it must be the aggregate id, equal to ce_subject"
                    + (subject == null ? "" : " '" + subject + "'"));
        } else if (subject != null && !key.equals(subject)) {
            violations.add("record key '" + key + "' differs from ce_subject '" + subject + "'");
        }

        // Data: JSON matching the type's schema, about the aggregate named by ce_subject.
        if (json == null) {
            violations.add("record value is missing: it must be the event's JSON data");
            return violations;
        }
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (JacksonException e) {
            violations.add("record value is not JSON: " + e.getOriginalMessage());
            return violations;
        }
        if (message == null) {
            if (ceType != null) {
                violations.add("data not checked: no schema for unknown ce_type '" + ceType + "'");
            }
            return violations;
        }
        List<Error> dataErrors = message.data().validate(data);
        dataErrors.stream().map(error -> "data " + describeData(error)).distinct().forEach(violations::add);
        if (dataErrors.isEmpty()) {
            consistency(message, subject, data, violations);
        }
        return violations;
    }

    /** What a schema cannot say: the data is about the record's subject, and its counts and hashes agree with the snapshot. */
    private static void consistency(Message message, String subject, JsonNode data, List<String> violations) {
        String pointer = SUBJECT_IN_DATA.get(message.channel().base());
        JsonNode id = pointer == null ? null : data.at(pointer);
        if (subject != null && id != null && id.isString() && !subject.equals(id.asString())) {
            violations.add("data " + pointer.substring(1).replace('/', '.') + " '" + id.asString()
                    + "' differs from ce_subject '" + subject + "'");
        }
        JsonNode agreement = data.path("agreement");
        if (!agreement.isObject()) {
            return;
        }
        List<JsonNode> parties = new ArrayList<>(agreement.path("parties").values());
        List<JsonNode> current = parties.stream().filter(party -> isAbsent(party.path("withdrawnOn"))).toList();
        if (data.has("partyCount") && data.path("partyCount").asInt() != current.size()) {
            violations.add("data partyCount " + data.path("partyCount").asInt() + " differs from the "
                    + current.size() + " parties (not withdrawn) of the agreement snapshot");
        }
        JsonNode openAmendment = agreement.path("openAmendment");
        long signed = openAmendment.isObject() && data.has("amendment")
                ? openAmendment.path("signed").size()
                : parties.stream().filter(party -> party.path("signed").asBoolean()).count();
        if (data.has("signatureCount") && data.path("signatureCount").asInt() != signed) {
            violations.add("data signatureCount " + data.path("signatureCount").asInt() + " differs from the "
                    + signed + " signatures of the agreement snapshot" + (openAmendment.isObject() ? "'s open amendment" : ""));
        }
        long remaining = current.stream().filter(party -> party.path("signed").asBoolean()).count();
        if (data.has("remainingParties") && data.path("remainingParties").asInt() != remaining) {
            violations.add("data remainingParties " + data.path("remainingParties").asInt() + " differs from the "
                    + remaining + " signed parties not withdrawn of the agreement snapshot");
        }
        String contentHash = agreement.path("contentHash").asString(null);
        if (data.path("contentHash").isString() && !data.path("contentHash").asString().equals(contentHash)) {
            violations.add("data contentHash differs from agreement.contentHash");
        }
        amendmentConsistency(message.ceType(), agreement, data, violations);
        JsonNode signature = data.path("signature");
        if (signature.isObject()) {
            if (!signature.path("contentHash").asString().equals(contentHash)) {
                violations.add("data signature.contentHash differs from agreement.contentHash: a signature names the hash it signed");
            }
            String party = signature.path("party").asString();
            boolean signedParty = parties.stream().anyMatch(
                    p -> party.equals(p.path("region").asString()) && p.path("signed").asBoolean());
            if (!signedParty) {
                violations.add("data signature.party " + party + " is not a signed party of the agreement snapshot");
            }
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    /** An amendment names the text it amends (opened) or the text it made current (adopted). */
    private static void amendmentConsistency(String ceType, JsonNode agreement, JsonNode data, List<String> violations) {
        String contentHash = agreement.path("contentHash").asString(null);
        JsonNode amendment = data.path("amendment");
        if (ceType.endsWith(".amendment-opened")
                && !amendment.path("previousContentHash").asString().equals(contentHash)) {
            violations.add("data amendment.previousContentHash differs from agreement.contentHash: an amendment amends the current text");
        }
        if (ceType.endsWith(".amendment-adopted")) {
            if (!amendment.path("contentHash").asString().equals(contentHash)) {
                violations.add("data amendment.contentHash differs from agreement.contentHash: the adopted text is the current one");
            }
            if (!data.path("textVersion").equals(agreement.path("textVersion"))) {
                violations.add("data textVersion differs from agreement.textVersion");
            }
        }
    }

    /** The channel a topic belongs to: its default name, a per-test name (agreements.v1-3f2a) or a derived one (a DLQ). */
    private Channel channelOf(String topic) {
        for (Channel channel : channels) {
            if (topic.equals(channel.address())) {
                return channel;
            }
        }
        for (Channel channel : channels) {
            if (topic.startsWith(channel.address())) {
                return channel;
            }
        }
        for (Channel channel : channels) {
            if (topic.startsWith(channel.base())) {
                return channel;
            }
        }
        for (Channel channel : channels) {
            if (topic.contains(channel.base())) {
                return channel;
            }
        }
        return null;
    }

    /** A header error names the header ({@code ce_id is missing}, {@code ce_time: ... (was '...')}). */
    private static String describeHeader(Error error) {
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return error.getProperty() + " is missing";
        }
        String name = error.getInstanceLocation().toString()
                .replaceFirst("^\\$\\.?", "")
                .replaceFirst("^\\['(.*)'\\]$", "$1");
        return (name.isEmpty() ? "" : name + ": ") + error.getMessage() + " (was '" + text(error.getInstanceNode()) + "')";
    }

    /** A data error names the place in the data as a JSON path ({@code $.agreement.status: ...}). */
    private static String describeData(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static void failIfAny(String topic, String key, Headers headers, String json) {
        List<String> violations = contract().check(topic, key, textHeaders(headers), duplicated(headers), json);
        fail(topic, key, textHeaders(headers), json, violations);
    }

    private static void failIfAny(String topic, String key, Map<String, String> headers, String json) {
        fail(topic, key, headers, json, contract().check(topic, key, headers, Set.of(), json));
    }

    private static void fail(String topic, String key, Map<String, String> headers, String json, List<String> violations) {
        if (violations.isEmpty()) {
            return;
        }
        String type = headers == null ? null : headers.get("ce_type");
        StringBuilder message = new StringBuilder()
                .append("Record ").append(type == null ? "" : type + " ")
                .append(topic == null ? "" : "on topic '" + topic + "' ")
                .append("with key '").append(key).append("' breaks the Concord event contract (")
                .append(violations.size()).append(violations.size() == 1 ? " violation" : " violations").append("):");
        violations.forEach(violation -> message.append(System.lineSeparator()).append("  - ").append(violation));
        message.append(System.lineSeparator()).append("  headers: ").append(headers)
                .append(System.lineSeparator()).append("  value:   ").append(json);
        throw new AssertionError(message.toString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading records and resources

    static Map<String, String> textHeaders(Headers headers) {
        Map<String, String> values = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                values.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static Set<String> duplicated(Headers headers) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        if (headers != null) {
            for (Header header : headers) {
                if (!seen.add(header.key()) && isContractHeader(header.key())) {
                    duplicated.add(header.key());
                }
            }
        }
        return duplicated;
    }

    private static boolean isContractHeader(String name) {
        return name.startsWith("ce_") || name.equals("content-type") || name.equals("traceparent");
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof JsonNode node) {
            return node.isString() ? node.asString() : node.toString();
        }
        return value.toString();
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static JsonNode readYaml(String resource) {
        try (InputStream in = open(resource)) {
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Contract resource " + resource
                    + " is not on the classpath: does the module depend on org.concord:contract?");
        }
        return in;
    }
}
