package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void reads_every_kind_of_value_keeping_member_order_and_exact_numbers() {
        var value = Json.parse("{\"b\": [1, -2.50, 3e2, true, false, null], \"a\": \"x\\u00e9\\n\", \"c\": {}}");

        assertThat(value).isInstanceOf(Map.class);
        var members = (Map<?, ?>) value;
        assertThat(List.<Object>copyOf(members.keySet())).containsExactly("b", "a", "c");
        assertThat((List<Object>) members.get("b")).containsExactly(new BigDecimal("1"), new BigDecimal("-2.50"),
                new BigDecimal("3e2"), true, false, null);
        assertThat(members.get("a")).isEqualTo("xé\n");
        assertThat(members.get("c")).isEqualTo(Map.of());
    }

    @Test
    void writes_what_it_reads() {
        String text = "{\"b\":[1,-2.50,true,null],\"a\":\"x\\\"é\",\"c\":{\"d\":[]}}";

        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
        assertThat(Json.parse(Json.writePretty(Json.parse(text)))).isEqualTo(Json.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"a\": 1, \"a\": 2}",          // duplicate member names: parsers disagree on which wins
            "{\"a\": \"\\ud800\"}",           // lone surrogate: not I-JSON
            "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[-]", "[NaN]", "[Infinity]",
            "{\"a\": 1,}", "[1,]", "{a: 1}", "['a']", "[\"tab\there\"]", "[\"\\x\"]", "[tru]", "nul",
            "", " ", "{} {}", "[1] x", "{\"a\" 1}", "[\"unterminated]", "\ufeff{}"})
    void refuses_what_is_not_i_json(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void refuses_bytes_that_are_not_utf8() {
        byte[] bytes = {'[', '"', (byte) 0xc3, '"', ']'};

        assertThatThrownBy(() -> Json.parse(bytes)).isInstanceOf(EvidenceException.class)
                .hasMessage("not valid UTF-8");
        assertThat(Json.parse("[\"é\"]".getBytes(StandardCharsets.UTF_8))).isEqualTo(List.of("é"));
    }

    @Test
    void refuses_nesting_deeper_than_64_levels_instead_of_overflowing_the_stack() {
        assertThatThrownBy(() -> Json.parse("[".repeat(10_000))).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("nested deeper");
        assertThat(Json.parse("[".repeat(64) + "]".repeat(64))).isNotNull();
    }

    @Test
    void says_where_the_text_goes_wrong() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"a\": 2\n}"))
                .hasMessage("not valid JSON: duplicate member name \"a\" at line 3, column 3");
    }
}
