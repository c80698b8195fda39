package org.concord.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** A row to write: column names and their values in order, each bound with its type (nulls included). */
public final class Columns {

    private record Value(Object value, Class<?> type) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    public static Columns of(String column, Object value) {
        return new Columns().and(column, value);
    }

    /** A column whose value is never null. */
    public Columns and(String column, Object value) {
        values.put(column, new Value(value, value.getClass()));
        return this;
    }

    /** A column whose value may be null. */
    public <T> Columns and(String column, T value, Class<T> type) {
        values.put(column, new Value(value, type));
        return this;
    }

    /** An instant, stored as a UTC timestamp; may be null. */
    public Columns andTime(String column, Instant value) {
        return and(column, Sql.utc(value), OffsetDateTime.class);
    }

    public Iterable<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** Binds every value to the parameter named like its column. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public GenericExecuteSpec bindTo(GenericExecuteSpec spec) {
        for (var entry : values.entrySet()) {
            spec = Sql.bind(spec, entry.getKey(), entry.getValue().value(), (Class) entry.getValue().type());
        }
        return spec;
    }
}
