package org.concord.notifications.region.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.concord.notifications.region.domain.KnownRegion;
import org.concord.platform.persistence.Columns;
import org.concord.platform.persistence.LastVersionWins;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The local replica of regions (table {@code known_region}): written from regions.v1, read to render messages. */
@Repository
public class KnownRegions {

    private final DatabaseClient db;
    private final LastVersionWins lastVersionWins;
    private final Clock clock;

    public KnownRegions(DatabaseClient db, LastVersionWins lastVersionWins, Clock clock) {
        this.db = db;
        this.lastVersionWins = lastVersionWins;
        this.clock = clock;
    }

    /**
     * Keeps the snapshot unless a newer version is already known (last version wins: a compacted topic replayed
     * from the beginning, or a late redelivery, never rolls a region back).
     *
     * @return true if the replica changed
     */
    public Mono<Boolean> remember(KnownRegion region) {
        return lastVersionWins.write("known_region", "code", Columns.of("code", region.code()).and("name", region.name())
                .and("signing_authority", region.signingAuthority(), String.class)
                .and("contact_email", region.contactEmail(), String.class)
                .and("active", region.active()).and("version", region.version()).andTime("updated_at", clock.instant()));
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
}
