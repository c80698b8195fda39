package org.concord.evidence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Typed access to the members of plain JSON values, with messages that say where in the bundle a value is wrong. */
final class JsonFields {

    private JsonFields() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new EvidenceException(what + " must be a JSON object" + found(value));
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Map<String, Object> object, String name, String what) {
        Object value = require(object, name, what);
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new EvidenceException(what + "." + name + " must be an array" + found(value));
    }

    static Map<String, Object> object(Map<String, Object> object, String name, String what) {
        return object(require(object, name, what), what + "." + name);
    }

    static String string(Map<String, Object> object, String name, String what) {
        Object value = require(object, name, what);
        if (value instanceof String s) {
            return s;
        }
        throw new EvidenceException(what + "." + name + " must be a string" + found(value));
    }

    /** The member if it is present and not null. */
    static String optionalString(Map<String, Object> object, String name, String what) {
        Object value = object.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new EvidenceException(what + "." + name + " must be a string" + found(value));
    }

    static long integer(Map<String, Object> object, String name, String what) {
        Object value = require(object, name, what);
        try {
            if (value instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (value instanceof Integer || value instanceof Long) {
                return ((Number) value).longValue();
            }
        } catch (ArithmeticException e) {
            // not an integer: reported below
        }
        throw new EvidenceException(what + "." + name + " must be an integer" + found(value));
    }

    private static Object require(Map<String, Object> object, String name, String what) {
        Object value = object.get(name);
        if (value == null) {
            throw new EvidenceException(what + "." + name + (object.containsKey(name) ? " is null" : " is missing"));
        }
        return value;
    }

    private static String found(Object value) {
        if (value == null) {
            return ", found null";
        }
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return ", found " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
    }
}
