package org.concord.platform.cloudevents;

import java.nio.charset.StandardCharsets;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;

/** Names of the CloudEvents Kafka binary-mode headers, and reading them whatever form they arrive in. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * A header as text. Records produced by non-Spring clients carry {@code byte[]} values; Spring may also
     * expose {@code ce_id} as {@code ce-id}, so both spellings are looked up.
     */
    public static String text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null) {
            value = headers.get(name.replace('_', '-'));
        }
        return asText(value);
    }

    static String key(MessageHeaders headers) {
        return asText(headers.get(KafkaHeaders.RECEIVED_KEY));
    }

    private static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
