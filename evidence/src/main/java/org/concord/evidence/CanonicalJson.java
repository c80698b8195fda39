package org.concord.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme, RFC 8785: the one form of a JSON value that every conforming implementation
 * writes the same, so that it can be hashed and signed. Members sorted by the UTF-16 code units of their names,
 * no whitespace, strings and numbers written as ECMAScript's {@code JSON.stringify} writes them, UTF-8.
 *
 * <p>Values are the plain Java values of {@link Json}. Numbers become IEEE 754 doubles first, as RFC 8785 says:
 * integers beyond ±2<sup>53</sup> lose precision, NaN and infinities are refused. Strings with a lone surrogate are
 * refused (RFC 8785 requires I-JSON).
 */
public final class CanonicalJson {

    private static final long EXACT_INTEGER_LIMIT = 1L << 53;

    private CanonicalJson() {
    }

    /** The canonical form of a JSON value (plain Java values, see {@link Json}). */
    public static String canonicalize(Object value) {
        var out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** The canonical form as UTF-8 bytes: what is hashed and signed. */
    public static byte[] canonicalBytes(Object value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads JSON text (strictly, see {@link Json#parse(String)}) and writes its canonical form. */
    public static String canonicalizeText(String json) {
        return canonicalize(Json.parse(json));
    }

    /** A double as ECMAScript's Number.prototype.toString writes it (ECMA-262, 7.1.12.1), as RFC 8785 requires. */
    public static String formatNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new EvidenceException("JSON has no " + value + ": RFC 8785 refuses it");
        }
        if (value == 0) {
            return "0"; // minus zero too
        }
        if (value < 0) {
            return "-" + formatNumber(-value);
        }
        if (value < EXACT_INTEGER_LIMIT && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return layout(shortestDigits(value));
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            List<String> names = new ArrayList<>(map.size());
            for (Object name : map.keySet()) {
                if (!(name instanceof String s)) {
                    throw new IllegalArgumentException("a JSON member name must be a String: " + name);
                }
                names.add(s);
            }
            names.sort(null); // String.compareTo compares UTF-16 code units, as RFC 8785 section 3.2.3 requires
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeString(names.get(i), out);
                out.append(':');
                write(map.get(names.get(i)), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Number number) {
            out.append(formatNumber(toDouble(number)));
        } else {
            writeScalar(value, out);
        }
    }

    /** Strings, booleans and null, the same in canonical and plain JSON. */
    static void writeScalar(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof String s) {
            writeString(s, out);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName()
                    + " (use Map, List, String, Number, Boolean or null)");
        }
    }

    /** A string as RFC 8785 section 3.2.2.2 writes it. */
    static void writeString(String s, StringBuilder out) {
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
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new EvidenceException("a string holds a lone surrogate U+"
                                + String.format("%04X", (int) c) + ": RFC 8785 requires I-JSON");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static double toDouble(Number number) {
        if (number instanceof BigDecimal || number instanceof BigInteger) {
            return Double.parseDouble(number.toString()); // correctly rounded, as ECMAScript reads a number
        }
        return number.doubleValue();
    }

    // ---- ECMAScript number formatting --------------------------------------------------------------------------

    /** The digits s (no trailing zeros) and exponent n of the spec: value = s × 10^(n − k), k = digits of s. */
    private record Digits(String s, int n) {
    }

    /**
     * The fewest significant digits that read back as {@code value}; of two candidates with as few digits, the
     * closer to {@code value}, and of two as close, the even one (ECMA-262 7.1.12.1 step 5 and its note).
     * Java 17's Double.toString is not always shortest (it writes 1e23 as 9.999999999999999E22), so this searches:
     * for each precision the nearest decimal below and above the exact value are the only candidates that can
     * read back as the value.
     */
    private static Digits shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowReads = Double.parseDouble(below.toString()) == value;
            boolean aboveReads = Double.parseDouble(above.toString()) == value;
            BigDecimal chosen;
            if (belowReads && aboveReads) {
                int closer = exact.subtract(below).compareTo(above.subtract(exact));
                chosen = closer < 0 ? below : closer > 0 ? above
                        : below.unscaledValue().testBit(0) ? above : below;
            } else if (belowReads) {
                chosen = below;
            } else if (aboveReads) {
                chosen = above;
            } else {
                continue;
            }
            BigDecimal stripped = chosen.stripTrailingZeros();
            String s = stripped.unscaledValue().toString();
            return new Digits(s, s.length() - stripped.scale());
        }
        throw new IllegalStateException("17 significant digits always read back as the same double: " + value);
    }

    /** ECMA-262 7.1.12.1 steps 6 to 10. */
    private static String layout(Digits digits) {
        String s = digits.s();
        int k = s.length();
        int n = digits.n();
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        String exponent = (n - 1 >= 0 ? "e+" : "e-") + Math.abs(n - 1);
        return k == 1 ? s + exponent : s.charAt(0) + "." + s.substring(1) + exponent;
    }
}
