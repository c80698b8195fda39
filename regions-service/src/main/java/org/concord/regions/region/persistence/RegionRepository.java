package org.concord.regions.region.persistence;

import org.concord.regions.region.domain.Region;
import org.concord.regions.region.domain.RegionCode;
import org.concord.regions.region.domain.RegionDetails;
import org.concord.regions.region.domain.RegionFilter;
import org.concord.regions.region.domain.RegionType;
import org.concord.regions.region.domain.SigningKeys;
import java.util.Set;
import org.concord.evidence.Json;
import org.concord.evidence.JwkSet;
import org.springframework.dao.DuplicateKeyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.concord.platform.persistence.Sql;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Persistence of the registry (table {@code region}) over R2DBC; the same SQL runs on H2 and PostgreSQL. */
@Repository
public class RegionRepository {

    private static final String COLUMNS = "code, name, native_name, region_type, country, capital, signing_authority, "
            + "contact_email, active, keys_json, version";

    private final DatabaseClient db;

    public RegionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Region> find(RegionCode code) {
        return db.sql("SELECT " + COLUMNS + " FROM region WHERE code = :code")
                .bind("code", code.value())
                .map(RegionRepository::toRegion)
                .one();
    }

    public Mono<Boolean> exists(RegionCode code) {
        return db.sql("SELECT COUNT(*) FROM region WHERE code = :code")
                .bind("code", code.value())
                .map(row -> row.get(0, Long.class))
                .one()
                .map(count -> count > 0);
    }

    /** Inserts a region registered through the service: its event is appended in the same transaction, so it is announced. */
    public Mono<Void> insert(Region region) {
        RegionDetails d = region.details();
        var spec = db.sql("INSERT INTO region (" + COLUMNS + ", announced) VALUES (:code, :name, :nativeName, :type, "
                        + ":country, :capital, :signingAuthority, :contactEmail, :active, :keys, :version, TRUE)")
                .bind("code", region.code().value())
                .bind("name", d.name())
                .bind("nativeName", d.nativeName())
                .bind("type", d.type().name())
                .bind("country", region.country())
                .bind("active", region.active())
                .bind("version", region.version());
        return bindOptional(spec, region).then();
    }

    /**
     * Writes the region's new state over the one of version {@code readVersion} (optimistic lock).
     *
     * @throws OptimisticLockingFailureException (in the Mono) if someone else changed the region in between
     */
    public Mono<Void> update(Region region, long readVersion) {
        RegionDetails d = region.details();
        var spec = db.sql("""
                        UPDATE region SET name = :name, native_name = :nativeName, region_type = :type,
                               capital = :capital, signing_authority = :signingAuthority, contact_email = :contactEmail,
                               active = :active, keys_json = :keys, version = :version, announced = TRUE
                        WHERE code = :code AND version = :expectedVersion""")
                .bind("code", region.code().value())
                .bind("name", d.name())
                .bind("nativeName", d.nativeName())
                .bind("type", d.type().name())
                .bind("active", region.active())
                .bind("version", region.version())
                .bind("expectedVersion", readVersion);
        return bindOptional(spec, region).fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new OptimisticLockingFailureException(
                        "region " + region.code() + " changed since version " + readVersion + " was read")));
    }

    public Mono<Page<Region>> list(RegionFilter filter, PageQuery page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (filter.type() != null) {
            conditions.add("region_type = :type");
            binds.put("type", filter.type().name());
        }
        if (filter.country() != null) {
            conditions.add("country = :country");
            binds.put("country", filter.country());
        }
        if (filter.text() != null) {
            conditions.add("(LOWER(code) LIKE :text ESCAPE '\\' OR LOWER(name) LIKE :text ESCAPE '\\' "
                    + "OR LOWER(native_name) LIKE :text ESCAPE '\\')");
            binds.put("text", "%" + escapeLike(filter.text().toLowerCase()) + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        var count = db.sql("SELECT COUNT(*) FROM region" + where);
        var select = db.sql("SELECT " + COLUMNS + " FROM region" + where + " ORDER BY code LIMIT :limit OFFSET :offset");
        for (var bind : binds.entrySet()) {
            count = count.bind(bind.getKey(), bind.getValue());
            select = select.bind(bind.getKey(), bind.getValue());
        }
        Mono<Long> total = count.map(row -> row.get(0, Long.class)).one();
        Mono<List<Region>> items = select.bind("limit", page.size()).bind("offset", page.offset())
                .map(RegionRepository::toRegion).all().collectList();
        return Mono.zip(items, total).map(t -> Page.of(t.getT1(), page, t.getT2()));
    }

    /** Codes of regions whose snapshot was never appended to the outbox (reference data inserted by migrations). */
    public Flux<RegionCode> unannounced() {
        return db.sql("SELECT code FROM region WHERE announced = FALSE ORDER BY code")
                .map(row -> RegionCode.of(row.get("code", String.class)))
                .all();
    }

    /**
     * Claims the announcement of one region; the row lock this takes serialises it with any concurrent
     * change of the region (and with a second instance starting at the same time).
     *
     * @return true if this transaction is the one that announces it
     */
    public Mono<Boolean> claimAnnouncement(RegionCode code) {
        return db.sql("UPDATE region SET announced = TRUE WHERE code = :code AND announced = FALSE")
                .bind("code", code.value())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * Records which region holds each of {@code keys} (replacing what it held). A key another region holds breaks the
     * primary key: reported as a lost race, so the use case runs again and finds the owner.
     */
    public Mono<Void> replaceKeyOwnership(RegionCode code, SigningKeys keys) {
        return db.sql("DELETE FROM region_signing_key WHERE region_code = :code").bind("code", code.value()).then()
                .thenMany(Flux.fromIterable(keys.thumbprints()).concatMap(thumbprint -> db.sql(
                                "INSERT INTO region_signing_key (thumbprint, region_code) VALUES (:thumbprint, :code)")
                        .bind("thumbprint", thumbprint).bind("code", code.value()).then()))
                .then()
                .onErrorMap(DuplicateKeyException.class, e -> new OptimisticLockingFailureException(
                        "a key of " + code + " was registered for another region meanwhile", e));
    }

    /** Which region holds each of these keys (by thumbprint), for those some region holds. */
    public Mono<Map<String, String>> keyOwners(Set<String> thumbprints) {
        if (thumbprints.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT thumbprint, region_code FROM region_signing_key WHERE thumbprint IN (:thumbprints)")
                .bind("thumbprints", List.copyOf(thumbprints))
                .map(row -> Map.entry(row.get("thumbprint", String.class), row.get("region_code", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static DatabaseClient.GenericExecuteSpec bindOptional(DatabaseClient.GenericExecuteSpec spec, Region region) {
        RegionDetails d = region.details();
        spec = Sql.bind(spec, "keys", region.keys().isEmpty() ? null : Json.write(region.keys().keys().toJson()),
                String.class);
        spec = Sql.bind(spec, "capital", d.capital(), String.class);
        spec = Sql.bind(spec, "signingAuthority", d.signingAuthority(), String.class);
        return Sql.bind(spec, "contactEmail", d.contactEmail(), String.class);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Region toRegion(Readable row) {
        var details = new RegionDetails(
                row.get("name", String.class),
                row.get("native_name", String.class),
                RegionType.valueOf(row.get("region_type", String.class)),
                row.get("capital", String.class),
                row.get("signing_authority", String.class),
                row.get("contact_email", String.class));
        String keys = row.get("keys_json", String.class);
        return new Region(
                RegionCode.of(row.get("code", String.class)),
                details,
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                keys == null ? SigningKeys.NONE : new SigningKeys(JwkSet.fromJson(Json.parse(keys), "the stored keys")),
                row.get("version", Long.class));
    }
}
