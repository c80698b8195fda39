package org.concord.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The records of one poll as the binder hands them to a consumer in batch mode (one message: the values as a list,
 * each record's topic, partition, offset, key, timestamp and headers in lists of the batch's headers), back as the
 * records they were; and a record as the message a consumer reads.
 */
public final class PolledRecords {

    /** Headers the binder's own mapping adds to a record's headers; the record never carried them. */
    private static final List<String> ADDED = List.of("nativeHeadersPresent", "spring_json_header_types");

    private PolledRecords() {
    }

    public static List<ConsumerRecord<byte[], byte[]>> of(Message<List<byte[]>> poll) {
        MessageHeaders batch = poll.getHeaders();
        // a record without a value (a tombstone) comes as KafkaNull, not as bytes
        List<?> values = poll.getPayload();
        List<?> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(batch, KafkaHeaders.OFFSET);
        List<?> keys = optionalList(batch, KafkaHeaders.RECEIVED_KEY, values.size());
        List<?> timestamps = optionalList(batch, KafkaHeaders.RECEIVED_TIMESTAMP, values.size());
        List<?> timestampTypes = optionalList(batch, KafkaHeaders.TIMESTAMP_TYPE, values.size());
        List<?> headers = optionalList(batch, KafkaHeaders.BATCH_CONVERTED_HEADERS, values.size());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            byte[] key = bytes(keys.get(i));
            byte[] value = values.get(i) instanceof byte[] || values.get(i) instanceof String ? bytes(values.get(i)) : null;
            records.add(new ConsumerRecord<>((String) topics.get(i), ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue(),
                    timestamps.get(i) == null ? ConsumerRecord.NO_TIMESTAMP : ((Number) timestamps.get(i)).longValue(),
                    timestampType(timestampTypes.get(i)),
                    key == null ? ConsumerRecord.NULL_SIZE : key.length, value == null ? ConsumerRecord.NULL_SIZE : value.length,
                    key, value, recordHeaders((Map<?, ?>) headers.get(i)), Optional.empty()));
        }
        return records;
    }

    /** The record as the binder hands one to a consumer in record mode: payload, headers, key, topic. */
    public static Message<byte[]> message(ConsumerRecord<byte[], byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            // a message's own id and timestamp cannot be set from outside
            if (!header.key().equals(MessageHeaders.ID) && !header.key().equals(MessageHeaders.TIMESTAMP)) {
                message.setHeader(header.key(), header.value());
            }
        }
        if (record.key() != null) {
            message.setHeader(KafkaHeaders.RECEIVED_KEY, new String(record.key(), StandardCharsets.UTF_8));
        }
        return message.setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, record.partition())
                .setHeader(KafkaHeaders.OFFSET, record.offset())
                .build();
    }

    private static RecordHeaders recordHeaders(Map<?, ?> converted) {
        RecordHeaders headers = new RecordHeaders();
        if (converted != null) {
            converted.forEach((name, value) -> {
                if (!ADDED.contains(name.toString()) && value != null) {
                    headers.add(new RecordHeader(name.toString(), bytes(value)));
                }
            });
        }
        return headers;
    }

    /** The converter gives the enum's name ({@code CREATE_TIME}). */
    private static TimestampType timestampType(Object value) {
        if (value == null) {
            return TimestampType.NO_TIMESTAMP_TYPE;
        }
        try {
            return TimestampType.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return TimestampType.NO_TIMESTAMP_TYPE;
        }
    }

    private static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<?> list(MessageHeaders headers, String name) {
        if (!(headers.get(name) instanceof List<?> list)) {
            throw new IllegalStateException("a poll without " + name + ": is the binding in batch mode?");
        }
        return list;
    }

    private static List<?> optionalList(MessageHeaders headers, String name, int size) {
        return headers.get(name) instanceof List<?> list ? list : java.util.Collections.nCopies(size, null);
    }
}
