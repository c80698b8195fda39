package org.concord.localstack.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's view of JSON: a response read into maps, lists, strings, numbers (BigDecimal), booleans and nulls,
 * a value read out of them by path, and a request body written.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /** The value of a JSON text: {@code Map<String, Object>}, {@code List<Object>}, String, BigDecimal, Boolean or null. */
    static Object parse(String text) {
        try {
            return value(MAPPER.readTree(text));
        } catch (JacksonException e) {
            long where = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new IllegalArgumentException("not JSON" + (where < 0 ? "" : " at character " + where) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The value at a path of keys (for objects) and indexes (for arrays); null when there is none. */
    static Object at(Object value, Object... path) {
        Object current = value;
        for (Object step : path) {
            if (current instanceof Map<?, ?> object && step instanceof String key) {
                current = object.get(key);
            } else if (current instanceof List<?> array && step instanceof Integer index && index < array.size()) {
                current = array.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    static String string(Object value, Object... path) {
        Object found = at(value, path);
        return found == null ? null : found.toString();
    }

    static long number(Object value, Object... path) {
        Object found = at(value, path);
        return found instanceof BigDecimal number ? number.longValue() : 0;
    }

    static boolean bool(Object value, Object... path) {
        return Boolean.TRUE.equals(at(value, path));
    }

    /** The elements of the array at the path; empty when there is none. */
    static List<Object> list(Object value, Object... path) {
        Object found = at(value, path);
        return found instanceof List<?> array ? List.copyOf(array.stream().map(Object.class::cast).toList()) : List.of();
    }

    /** JSON text of maps, collections, strings, numbers, booleans and nulls. */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            node.properties().forEach(property -> object.put(property.getKey(), value(property.getValue())));
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            node.forEach(element -> array.add(value(element)));
            return array;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asString();
    }
}
