package org.concord.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Binding and reading values the same way on H2 and PostgreSQL (R2DBC): a null is bound with its type; instants
 * are stored as {@code TIMESTAMP WITH TIME ZONE} and bound as UTC {@link OffsetDateTime}, which both drivers take.
 */
public final class Sql {

    private Sql() {
    }

    /** Binds {@code value}, or a typed null. */
    public static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** Binds an instant (or a null) as a UTC timestamp. */
    public static GenericExecuteSpec bindTime(GenericExecuteSpec spec, String name, Instant value) {
        return bind(spec, name, utc(value), OffsetDateTime.class);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A timestamp column as an instant (null stays null). */
    public static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A numeric column as a long, whatever integer type the driver returns (H2's COUNT(*) is BIGINT, INT columns Integer). */
    public static Long number(Readable row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).longValue();
    }
}
