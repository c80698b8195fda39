package org.concord.testsupport.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** A CloudEvent record as agreements-service publishes one (binary mode: ce_ headers, JSON data), for tests to send. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** An event of agreements-service: {@code ce_subject} and the record key are {@code key}. */
    public static ProducerRecord<String, String> agreementEvent(String topic, String key, String id, String type, String data) {
        var record = new ProducerRecord<String, String>(topic, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_source", "/concord/agreements-service");
        header(record, "ce_type", type);
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        return record;
    }

    /** The record as sent from within a trace: its {@code traceparent} header (W3C trace context) is {@code traceparent}. */
    public static ProducerRecord<String, String> traced(ProducerRecord<String, String> record, String traceparent) {
        header(record, "traceparent", traceparent);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
