package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void the_rfc_8785_example_of_the_whole_transformation_comes_out_as_the_rfc_writes_it() {
        // RFC 8785 section 3.2.4 (input of 3.2.2, output and its UTF-8 bytes of 3.2.4)
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        String canonical = CanonicalJson.canonicalizeText(input);

        assertThat(canonical).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,"
                + "0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        assertThat(HexFormat.ofDelimiter(" ").formatHex(canonical.getBytes(StandardCharsets.UTF_8))).isEqualTo(
                "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 "
                        + "75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a "
                        + "5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 "
                        + "65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 "
                        + "5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30 "
                        + "30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d");
    }

    @Test
    void members_are_sorted_by_utf16_code_units_not_by_code_points() {
        // RFC 8785 section 3.2.3: the emoji (surrogates D83D DE00) sorts before U+FB33, though its code point is higher
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";

        var sorted = Json.parse(CanonicalJson.canonicalizeText(input));

        assertThat(List.<Object>copyOf(((Map<?, ?>) sorted).values())).containsExactly("Carriage Return", "One", "Control",
                "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face",
                "Hebrew Letter Dalet With Dagesh");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = ' ', value = {
            // RFC 8785 appendix B
            "0000000000000000 0",
            "8000000000000000 0",
            "0000000000000001 5e-324",
            "8000000000000001 -5e-324",
            "7fefffffffffffff 1.7976931348623157e+308",
            "ffefffffffffffff -1.7976931348623157e+308",
            "4340000000000000 9007199254740992",
            "c340000000000000 -9007199254740992",
            "4430000000000000 295147905179352830000",
            "44b52d02c7e14af5 9.999999999999997e+22",
            "44b52d02c7e14af6 1e+23",
            "44b52d02c7e14af7 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e 999999999999999700000",
            "444b1ae4d6e2ef4f 999999999999999900000",
            "444b1ae4d6e2ef50 1e+21",
            "3eb0c6f7a0b5ed8c 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d 0.000001",
            "41b3de4355555553 333333333.3333332",
            "41b3de4355555554 333333333.33333325",
            "41b3de4355555555 333333333.3333333",
            "41b3de4355555556 333333333.3333334",
            "41b3de4355555557 333333333.33333343",
            "becbf647612f3696 -0.0000033333333333333333",
            "43143ff3c1cb0959 1424953923781206.2"})
    void numbers_are_written_as_the_rfc_8785_appendix_b_says(String bits, String expected) {
        assertThat(CanonicalJson.formatNumber(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16))))
                .isEqualTo(expected);
    }

    @Test
    void numbers_are_written_as_ecmascript_writes_them() throws IOException {
        // 2,999 doubles and JSON.stringify of each, written by node (ecmascript-numbers.mjs beside the file)
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("ecmascript-numbers.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).toList();
        }
        assertThat(lines).hasSizeGreaterThan(2900);

        for (String line : lines) {
            String[] parts = line.split(" ");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertThat(CanonicalJson.formatNumber(value)).as("bits %s", parts[0]).isEqualTo(parts[1]);
            assertThat(CanonicalJson.canonicalizeText(parts[1])).as("read back %s", parts[1]).isEqualTo(parts[1]);
        }
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void numbers_json_cannot_hold_are_refused(double value) {
        assertThatThrownBy(() -> CanonicalJson.formatNumber(value)).isInstanceOf(EvidenceException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalizeText("[1e400]")).isInstanceOf(EvidenceException.class);
    }

    @Test
    void integers_of_every_java_type_are_written_alike() {
        var values = List.of(12, 12L, (short) 12, 12.0, new java.math.BigDecimal("12.000"),
                java.math.BigInteger.valueOf(12), new java.math.BigDecimal("1.2E+1"));

        assertThat(CanonicalJson.canonicalize(values)).isEqualTo("[12,12,12,12,12,12,12]");
    }

    @Test
    void control_characters_are_escaped_in_lower_case_and_everything_else_is_written_as_itself() {
        String s = "\u0000\u001f\b\f\n\r\t\"\\/\u007f\u2028é中😀";

        assertThat(CanonicalJson.canonicalize(s))
                .isEqualTo("\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u2028é中😀\"");
    }

    @Test
    void a_lone_surrogate_is_refused_because_rfc_8785_requires_i_json() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("a\ud800b")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("lone surrogate U+D800");
        assertThatThrownBy(() -> CanonicalJson.canonicalize("\udc00")).isInstanceOf(EvidenceException.class);
    }

    @Test
    void nested_members_are_sorted_at_every_level_and_arrays_keep_their_order() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("b", List.of(3, 1, 2));
        inner.put("a", true);
        var outer = new LinkedHashMap<String, Object>();
        outer.put("z", inner);
        outer.put("y", null);

        assertThat(CanonicalJson.canonicalize(outer)).isEqualTo("{\"y\":null,\"z\":{\"a\":true,\"b\":[3,1,2]}}");
    }

    @Test
    void a_value_that_is_not_json_is_refused_with_its_type() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(List.of(java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
    }
}
