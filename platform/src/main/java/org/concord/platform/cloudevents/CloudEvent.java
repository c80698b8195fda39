package org.concord.platform.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvents 1.0 event as Concord carries it on Kafka in binary mode: attributes in {@code ce_} headers,
 * the JSON data as the record value.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, String traceparent,
        String key, byte[] data) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        require(id, CloudEventHeaders.ID);
        require(type, CloudEventHeaders.TYPE);
        require(source, CloudEventHeaders.SOURCE);
        if (data == null) {
            throw new InvalidCloudEvent("event " + id + " has no data");
        }
    }

    /** Reads an inbound record as Spring Cloud Stream hands it to a consumer function. */
    public static CloudEvent from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String specVersion = CloudEventHeaders.text(headers, CloudEventHeaders.SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidCloudEvent("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String time = CloudEventHeaders.text(headers, CloudEventHeaders.TIME);
        return new CloudEvent(
                CloudEventHeaders.text(headers, CloudEventHeaders.ID),
                CloudEventHeaders.text(headers, CloudEventHeaders.SOURCE),
                CloudEventHeaders.text(headers, CloudEventHeaders.TYPE),
                CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT),
                time == null ? null : parseTime(time),
                CloudEventHeaders.text(headers, CloudEventHeaders.TRACEPARENT),
                CloudEventHeaders.key(headers),
                message.getPayload());
    }

    /** The attributes as Kafka header name/value pairs, in the order they are written. */
    public Map<String, String> headers() {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION);
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type);
        if (time != null) {
            headers.put(CloudEventHeaders.TIME, time.toString());
        }
        if (subject != null) {
            headers.put(CloudEventHeaders.SUBJECT, subject);
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (traceparent != null) {
            headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return headers;
    }

    /**
     * The data read as the consumer's own view of it; data that is not readable as {@code type} (or is JSON
     * {@code null}) makes the record poison: {@link InvalidCloudEvent}, which ends in the dead-letter topic.
     */
    public <T> T data(JsonMapper json, Class<T> type) {
        T value;
        try {
            value = json.readValue(data, type);
        } catch (JacksonException e) {
            throw new InvalidCloudEvent("event " + id + " (" + this.type + ") has unreadable data: "
                    + e.getOriginalMessage(), e);
        }
        if (value == null) {
            throw new InvalidCloudEvent("event " + id + " (" + this.type + ") has no data");
        }
        return value;
    }

    /**
     * The event in structured JSON form (attributes and data in one document), e.g. the body of a webhook, so that
     * an HTTP receiver gets the same event, with the same id, as a Kafka consumer does.
     */
    public String structuredJson(JsonMapper json) {
        var node = json.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", id);
        node.put("source", source);
        node.put("type", type);
        if (subject != null) {
            node.put("subject", subject);
        }
        if (time != null) {
            node.put("time", time.toString());
        }
        node.put("datacontenttype", CloudEventHeaders.JSON);
        if (traceparent != null) {
            node.put("traceparent", traceparent);
        }
        node.set("data", json.readTree(data));
        return json.writeValueAsString(node);
    }

    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static Instant parseTime(String time) {
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidCloudEvent("ce_time is not an RFC 3339 timestamp: " + time);
        }
    }

    private static void require(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEvent("missing " + header);
        }
    }
}
