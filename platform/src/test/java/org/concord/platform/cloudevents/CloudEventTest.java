package org.concord.platform.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class CloudEventTest {

    private final JsonMapper json = JsonMapper.builder().build();

    record View(String code, long version) {
    }

    @Test
    void headers_written_by_any_client_are_read_as_text() {
        CloudEvent event = CloudEvent.from(message("{\"code\":\"CN-XZ\",\"version\":3}", Map.of(
                "ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8),
                "ce-id", "e-1",
                "ce_source", "/concord/regions-service",
                "ce_type", "concord.region.updated".getBytes(StandardCharsets.UTF_8),
                "ce_time", "2024-09-24T02:21:00Z",
                KafkaHeaders.RECEIVED_KEY, "CN-XZ".getBytes(StandardCharsets.UTF_8))));

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("concord.region.updated");
        assertThat(event.key()).isEqualTo("CN-XZ");
        assertThat(event.time()).hasToString("2024-09-24T02:21:00Z");
        assertThat(event.data(json, View.class)).isEqualTo(new View("CN-XZ", 3));
    }

    @Test
    void a_record_that_is_not_a_cloudevent_is_poison() {
        assertThatThrownBy(() -> CloudEvent.from(message("{}", Map.of("ce_id", "e-2"))))
                .isInstanceOf(InvalidCloudEvent.class).hasMessageContaining("not a CloudEvents 1.0 record");
    }

    @Test
    void data_that_cannot_be_read_as_the_consumers_view_is_poison() {
        CloudEvent unreadable = event("{\"code\": ");
        CloudEvent nothing = event("null");

        assertThatThrownBy(() -> unreadable.data(json, View.class))
                .isInstanceOf(InvalidCloudEvent.class).hasMessageContaining("has unreadable data");
        assertThatThrownBy(() -> nothing.data(json, View.class))
                .isInstanceOf(InvalidCloudEvent.class).hasMessageContaining("has no data");
    }

    private static CloudEvent event(String data) {
        return new CloudEvent("e-3", "/concord/test", "concord.region.registered", "CN-XZ", null, null, "CN-XZ",
                data.getBytes(StandardCharsets.UTF_8));
    }

    private static Message<byte[]> message(String payload, Map<String, Object> headers) {
        return MessageBuilder.withPayload(payload.getBytes(StandardCharsets.UTF_8)).copyHeaders(headers).build();
    }
}
