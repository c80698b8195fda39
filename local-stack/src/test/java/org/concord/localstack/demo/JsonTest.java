package org.concord.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void a_response_is_read_into_maps_lists_and_values() {
        Object agreement = Json.parse("""
                {"id":"7f3a","status":"SIGNED","version":14,"contentHash":null,
                 "parties":[{"region":"CN-GX","signed":true},{"region":"CN-YN","signed":false}],
                 "title":"MoU \\"Silk Road\\" \\u4e1d\\u8def\\n"}""");

        assertThat(Json.string(agreement, "status")).isEqualTo("SIGNED");
        assertThat(Json.number(agreement, "version")).isEqualTo(14);
        assertThat(Json.at(agreement, "contentHash")).isNull();
        assertThat(Json.list(agreement, "parties")).hasSize(2);
        assertThat(Json.string(agreement, "parties", 1, "region")).isEqualTo("CN-YN");
        assertThat(Json.bool(agreement, "parties", 0, "signed")).isTrue();
        assertThat(Json.string(agreement, "title")).isEqualTo("MoU \"Silk Road\" 丝路\n");
        assertThat(Json.at(agreement, "parties", 5, "region")).isNull();
        assertThat(Json.string(agreement, "missing", "deeper")).isNull();
    }

    @Test
    void numbers_keep_their_value() {
        assertThat(Json.parse("[-1.5e3, 0, 12]")).isEqualTo(List.of(new BigDecimal("-1.5e3"), new BigDecimal("0"), new BigDecimal("12")));
    }

    @Test
    void a_request_body_is_written_as_json_and_reads_back_the_same() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "a \"quoted\"\ttitle \\ with 丝路");
        body.put("parties", List.of("CN-GX", "CN-SC"));
        body.put("until", null);
        body.put("count", 12);
        body.put("open", true);

        String json = Json.write(body);

        assertThat(json).isEqualTo("{\"title\":\"a \\\"quoted\\\"\\ttitle \\\\ with 丝路\",\"parties\":[\"CN-GX\",\"CN-SC\"],"
                + "\"until\":null,\"count\":12,\"open\":true}");
        Object back = Json.parse(json);
        assertThat(Json.string(back, "title")).isEqualTo(body.get("title"));
        assertThat(Json.list(back, "parties")).containsExactly("CN-GX", "CN-SC");
    }

    @Test
    void text_that_is_not_json_is_refused_with_where() {
        assertThatThrownBy(() -> Json.parse("{\"a\": }")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON").hasMessageContaining("at character 6");
        assertThatThrownBy(() -> Json.parse("<html>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{} trailing")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrays.asList((Object) Json.parse("[]"))).containsExactly(List.of());
    }
}
