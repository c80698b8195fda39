package org.concord.notifications.region;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.concord.notifications.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The local replica of regions (table {@code known_region}): written from regions.v1, read to render messages. */
@Repository
public class RegionDirectory {

    private final DatabaseClient db;
    private final Clock clock;

    public RegionDirectory(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Keeps the snapshot unless a newer version is already known (last version wins: a compacted topic
     * replayed from the beginning, or a late redelivery, never rolls a region back).
     *
     * @return true if the replica changed
     */
    public Mono<Boolean> remember(KnownRegion region) {
        return db.sql("SELECT version FROM known_region WHERE code = :code")
                .bind("code", region.code())
                .map(row -> row.get("version", Long.class))
                .one()
                .flatMap(known -> known < region.version() ? update(region) : Mono.just(false))
                .switchIfEmpty(Mono.defer(() -> insert(region)));
    }

    public Mono<Map<String, KnownRegion>> find(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT code, name, signing_authority, contact_email, active, version FROM known_region WHERE code IN (:codes)")
                .bind("codes", codes)
                .map(row -> new KnownRegion(
                        row.get("code", String.class),
                        row.get("name", String.class),
                        row.get("signing_authority", String.class),
                        row.get("contact_email", String.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)),
                        row.get("version", Long.class)))
                .all()
                .collect(Collectors.toMap(KnownRegion::code, Function.identity()));
    }

    private Mono<Boolean> insert(KnownRegion region) {
        return bindAll(db.sql("""
                INSERT INTO known_region (code, name, signing_authority, contact_email, active, version, updated_at)
                VALUES (:code, :name, :signingAuthority, :contactEmail, :active, :version, :now)"""), region)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private Mono<Boolean> update(KnownRegion region) {
        return bindAll(db.sql("""
                UPDATE known_region SET name = :name, signing_authority = :signingAuthority,
                       contact_email = :contactEmail, active = :active, version = :version, updated_at = :now
                WHERE code = :code AND version < :version"""), region)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, KnownRegion region) {
        return Sql.bindNullable(Sql.bindNullable(spec
                        .bind("code", region.code())
                        .bind("name", region.name())
                        .bind("active", region.active())
                        .bind("version", region.version())
                        .bind("now", Sql.utc(clock.instant())),
                "signingAuthority", region.signingAuthority(), String.class),
                "contactEmail", region.contactEmail(), String.class);
    }
}
