package org.concord.platform.persistence;

import tools.jackson.databind.json.JsonMapper;

/** A value kept as one JSON document in a text column (read and written whole). */
public record JsonColumn<T>(JsonMapper json, Class<T> type) {

    public String write(T value) {
        return json.writeValueAsString(value);
    }

    public T read(String column) {
        return column == null ? null : json.readValue(column, type);
    }
}
