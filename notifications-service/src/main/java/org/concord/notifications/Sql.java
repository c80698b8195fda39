package org.concord.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small helpers for binding values the same way on H2 and PostgreSQL (R2DBC). */
public final class Sql {

    private Sql() {
    }

    public static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** Timestamps are stored as TIMESTAMP WITH TIME ZONE, bound as UTC OffsetDateTime (both drivers take it). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static GenericExecuteSpec bindTime(GenericExecuteSpec spec, String name, Instant value) {
        return bindNullable(spec, name, utc(value), OffsetDateTime.class);
    }

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
