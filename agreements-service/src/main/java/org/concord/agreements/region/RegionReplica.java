package org.concord.agreements.region;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.concord.agreements.agreement.RegionCode;
import org.concord.agreements.agreement.RegionDirectory;
import org.concord.agreements.agreement.RegionDirectory.Standing;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The local replica of the region registry (table {@code region_replica}), fed from {@code regions.v1} and
 * read when an agreement checks its parties: agreements-service never calls regions-service. The last
 * version wins: an older or repeated snapshot changes nothing, whatever order they arrive in.
 */
@Repository
public class RegionReplica {

    private final DatabaseClient db;
    private final Clock clock;

    public RegionReplica(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Keeps {@code region} if it is newer than the copy held (or the first one).
     *
     * @return true if the replica changed
     */
    public Mono<Boolean> upsert(ReplicatedRegion region) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var update = db.sql("""
                        UPDATE region_replica SET name = :name, signing_authority = :signingAuthority, active = :active,
                               version = :version, updated_at = :now
                        WHERE code = :code AND version < :version""");
        var insert = db.sql("""
                        INSERT INTO region_replica (code, name, signing_authority, active, version, updated_at)
                        SELECT :code, :name, :signingAuthority, :active, :version, :now
                        WHERE NOT EXISTS (SELECT 1 FROM region_replica WHERE code = :code)""");
        return bind(update, region, now).fetch().rowsUpdated()
                .flatMap(updated -> updated > 0 ? Mono.just(true)
                        : bind(insert, region, now).fetch().rowsUpdated().map(inserted -> inserted > 0));
    }

    /** The standing of each of {@code codes} in the replica, as the agreement rules ask for it. */
    public Mono<RegionDirectory> directoryFor(Collection<RegionCode> codes) {
        if (codes.isEmpty()) {
            return Mono.just(code -> Standing.UNKNOWN);
        }
        List<String> values = codes.stream().map(RegionCode::value).distinct().toList();
        return db.sql("SELECT code, active FROM region_replica WHERE code IN (:codes)")
                .bind("codes", values)
                .map(row -> Map.entry(row.get("code", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(active -> code -> !active.containsKey(code.value()) ? Standing.UNKNOWN
                        : active.get(code.value()) ? Standing.ACTIVE : Standing.DEACTIVATED);
    }

    public Mono<ReplicatedRegion> find(String code) {
        return db.sql("SELECT code, name, signing_authority, active, version FROM region_replica WHERE code = :code")
                .bind("code", code)
                .map((Readable row) -> toRegion(row))
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ReplicatedRegion region,
            OffsetDateTime now) {
        spec = spec.bind("code", region.code())
                .bind("name", region.name())
                .bind("active", region.active())
                .bind("version", region.version())
                .bind("now", now);
        return region.signingAuthority() == null
                ? spec.bindNull("signingAuthority", String.class)
                : spec.bind("signingAuthority", region.signingAuthority());
    }

    private static ReplicatedRegion toRegion(Readable row) {
        return new ReplicatedRegion(row.get("code", String.class), row.get("name", String.class),
                row.get("signing_authority", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("version", Long.class));
    }
}
