package org.concord.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values, read strictly and written plainly. A JSON value is a {@code Map<String, Object>}
 * (members in document order), a {@code List<Object>}, a {@code String}, a {@code Number}, a {@code Boolean} or
 * {@code null}. Reading returns mutable {@link LinkedHashMap}s and {@link ArrayList}s, numbers as
 * {@link BigDecimal} (exactly as written).
 *
 * <p>Reading accepts only I-JSON (RFC 7493), what RFC 8785 canonicalizes: UTF-8, no duplicate member names, no
 * lone surrogates. A verifier has to refuse what different parsers could read differently.
 */
public final class Json {

    private static final int MAX_DEPTH = 64;

    private Json() {
    }

    /** Reads one JSON value from UTF-8 bytes (a leading byte order mark is refused like any other stray byte). */
    public static Object parse(byte[] utf8) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            throw new EvidenceException("not valid UTF-8");
        }
    }

    /** Reads one JSON value from text. */
    public static Object parse(String text) {
        return new Reader(text).document();
    }

    /** Writes {@code value} without whitespace, members in their map's order. */
    public static String write(Object value) {
        var out = new StringBuilder(256);
        write(value, out, null, 0);
        return out.toString();
    }

    /** Writes {@code value} indented by two spaces, members in their map's order. */
    public static String writePretty(Object value) {
        var out = new StringBuilder(1024);
        write(value, out, "  ", 0);
        return out.append('\n').toString();
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    private static void write(Object value, StringBuilder out, String indent, int depth) {
        if (value instanceof Map<?, ?> map) {
            writeObject(map, out, indent, depth);
        } else if (value instanceof List<?> list) {
            writeArray(list, out, indent, depth);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(CanonicalJson.formatNumber(((Number) value).doubleValue()));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            out.append(value);
        } else {
            CanonicalJson.writeScalar(value, out);
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, String indent, int depth) {
        out.append('{');
        boolean first = true;
        for (var member : map.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw new IllegalArgumentException("a JSON member name must be a String: " + member.getKey());
            }
            out.append(first ? "" : ",");
            newLine(out, indent, depth + 1);
            CanonicalJson.writeString(name, out);
            out.append(indent == null ? ":" : ": ");
            write(member.getValue(), out, indent, depth + 1);
            first = false;
        }
        if (!first) {
            newLine(out, indent, depth);
        }
        out.append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out, String indent, int depth) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",");
            newLine(out, indent, depth + 1);
            write(list.get(i), out, indent, depth + 1);
        }
        if (!list.isEmpty()) {
            newLine(out, indent, depth);
        }
        out.append(']');
    }

    private static void newLine(StringBuilder out, String indent, int depth) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** A recursive-descent reader of RFC 8259 JSON, refusing what I-JSON forbids. */
    private static final class Reader {

        private final String text;
        private int pos;
        private int depth;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            skipWhitespace();
            Object value = value();
            skipWhitespace();
            if (pos < text.length()) {
                throw error("unexpected text after the JSON value");
            }
            return value;
        }

        private Object value() {
            if (pos >= text.length()) {
                throw error("unexpected end of the JSON text");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + printable(c) + "'");
                }
            };
        }

        private Map<String, Object> object() {
            enter();
            pos++;
            var members = new LinkedHashMap<String, Object>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                depth--;
                return members;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                int at = pos;
                String name = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object value = value();
                if (members.containsKey(name)) {
                    pos = at;
                    throw error("duplicate member name \"" + name + "\"");
                }
                members.put(name, value);
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    depth--;
                    return members;
                }
            }
        }

        private List<Object> array() {
            enter();
            pos++;
            var elements = new ArrayList<Object>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                depth--;
                return elements;
            }
            while (true) {
                skipWhitespace();
                elements.add(value());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    depth--;
                    return elements;
                }
            }
        }

        private String string() {
            int start = pos;
            pos++;
            var out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    break;
                } else if (c == '\\') {
                    escape(out);
                } else if (c < 0x20) {
                    pos--;
                    throw error("control character U+" + String.format("%04X", (int) c) + " in a string");
                } else {
                    out.append(c);
                }
            }
            String value = out.toString();
            requireWellFormed(value, start);
            return value;
        }

        private void escape(StringBuilder out) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            switch (c) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("incomplete \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) {
                            throw error("invalid \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    pos += 4;
                    out.append((char) code);
                }
                default -> {
                    pos--;
                    throw error("invalid escape \\" + printable(c));
                }
            }
        }

        private void requireWellFormed(String value, int start) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    pos = start;
                    throw error("string holds a lone surrogate U+" + String.format("%04X", (int) c)
                            + " (not I-JSON)");
                }
            }
        }

        private BigDecimal number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("invalid number");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("invalid number: digits must follow the decimal point");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("invalid number: digits must follow the exponent");
                }
                digits();
            }
            try {
                return new BigDecimal(text.substring(start, pos));
            } catch (NumberFormatException | ArithmeticException e) {
                pos = start;
                throw error("number out of range");
            }
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected character '" + printable(text.charAt(pos)) + "'");
            }
            pos += word.length();
            return value;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw pos >= text.length() ? error("unexpected end of the JSON text")
                        : error("expected '" + c + "' but found '" + printable(text.charAt(pos)) + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static String printable(char c) {
            return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : String.valueOf(c);
        }

        private EvidenceException error(String problem) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new EvidenceException("not valid JSON: " + problem + " at line " + line + ", column " + column);
        }
    }
}
