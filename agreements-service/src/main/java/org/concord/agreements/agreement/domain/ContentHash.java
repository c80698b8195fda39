package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;


/**
 * The fingerprint of an agreement's text that every signature names: {@code "sha256:"} followed by the
 * lower-case hex SHA-256 of the UTF-8 bytes of the text's canonical form.
 *
 * <h2>Canonical form</h2>
 * A JSON object, written without any whitespace outside strings, with the members (keys sorted by their
 * UTF-16 code units, at every level):
 * <pre>
 * areas         array of area names, sorted (areas are a set: their order is not part of the text)
 * commitments   array of strings, in the agreement's order (the order is part of the text)
 * convener      region code
 * counterpart   string, or null
 * kind          "MOU"
 * parties       array of the drafted parties' region codes, sorted (acceding parties are not in it)
 * signingEvent  {"date": "YYYY-MM-DD", "name": string, "venue": string}
 * summary       string, or null
 * term          {"effectiveFrom": "YYYY-MM-DD", "until": "YYYY-MM-DD" or null}
 * title         string
 * </pre>
 * Strings are the stored values (surrounding whitespace already stripped, no Unicode normalisation), escaped
 * as RFC 8785 (JSON Canonicalization Scheme) does: {@code \"} and {@code \\}, {@code \b \f \n \r \t}, other
 * control characters as {@code \}{@code u00xx} with lower-case hex, every other character as itself. This is
 * the JCS form of the object, so any JCS implementation reproduces the hash; {@code agreements-service/docs/content-hash.md}
 * shows how to check one by hand.
 */
public record ContentHash(String value) {

    public static final String FORMAT = "^sha256:[0-9a-f]{64}$";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public ContentHash {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidValue("'" + value + "' is not a content hash (sha256: and 64 lower-case hex digits)");
        }
    }

    public static ContentHash of(String value) {
        return new ContentHash(value);
    }

    /** The content hash of a text. */
    public static ContentHash of(AgreementText text) {
        return new ContentHash("sha256:" + HexFormat.of().formatHex(sha256(canonicalForm(text))));
    }

    /** The canonical form of a text, as described on this class. */
    public static String canonicalForm(AgreementText text) {
        Map<String, Object> signingEvent = new LinkedHashMap<>();
        signingEvent.put("name", text.signingEvent().name());
        signingEvent.put("venue", text.signingEvent().venue());
        signingEvent.put("date", text.signingEvent().date().toString());
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("effectiveFrom", text.term().effectiveFrom().toString());
        term.put("until", text.term().until() == null ? null : text.term().until().toString());

        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("title", text.title());
        canonical.put("kind", text.kind().name());
        canonical.put("areas", text.areas().stream().map(Enum::name).sorted().toList());
        canonical.put("summary", text.summary());
        canonical.put("commitments", text.commitments());
        canonical.put("counterpart", text.counterpart());
        canonical.put("convener", text.convener().value());
        canonical.put("parties", text.parties().stream().map(RegionCode::value).sorted().toList());
        canonical.put("signingEvent", signingEvent);
        canonical.put("term", term);

        var out = new StringBuilder(2048);
        write(canonical, out);
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var member : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString((String) member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not part of the canonical form: " + value.getClass());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static byte[] sha256(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
