package org.concord.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The write rule of every replica and projection built from snapshots: a row is replaced only by a newer version
 * of itself, so events applied twice, late or out of order never roll it back. One conditional UPDATE, then, if
 * no row has the key yet, one INSERT guarded by NOT EXISTS; two first snapshots of one key racing each other
 * collide on the primary key and the consumer's retry finds the row.
 */
public class LastVersionWins {

    private final DatabaseClient db;

    public LastVersionWins(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Writes {@code row} into {@code table} unless the row with its {@code key} already has its {@code version} or a
     * higher one.
     *
     * @param row every column to write, the key and the {@code version} column included
     * @return true if the row was written
     */
    public Mono<Boolean> write(String table, String key, Columns row) {
        List<String> columns = new ArrayList<>();
        row.names().forEach(columns::add);
        String assignments = String.join(", ", columns.stream().filter(c -> !c.equals(key)).map(c -> c + " = :" + c).toList());
        String parameters = String.join(", ", columns.stream().map(c -> ":" + c).toList());
        var update = db.sql("UPDATE " + table + " SET " + assignments + " WHERE " + key + " = :" + key
                + " AND version < :version");
        var insert = db.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + parameters
                + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + key + " = :" + key + ")");
        return row.bindTo(update).fetch().rowsUpdated()
                .flatMap(updated -> updated > 0 ? Mono.just(true)
                        : row.bindTo(insert).fetch().rowsUpdated().map(inserted -> inserted > 0));
    }
}
