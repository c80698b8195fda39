package org.concord.agreements.region.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.spi.Readable;
import org.concord.agreements.agreement.application.KnownRegions;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.RegionDirectory;
import org.concord.agreements.agreement.domain.RegionDirectory.Standing;
import org.concord.agreements.agreement.domain.SigningKeys;
import org.concord.agreements.region.domain.ReplicatedRegion;
import org.concord.evidence.Json;
import org.concord.evidence.JwkSet;
import org.concord.platform.persistence.Columns;
import org.concord.platform.persistence.LastVersionWins;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The local replica of the region registry (table {@code region_replica}), fed from {@code regions.v1} and
 * read when an agreement checks its parties or a signatory's JWS: agreements-service never calls regions-service. The last
 * version wins: an older or repeated snapshot changes nothing, whatever order they arrive in.
 */
@Repository
public class RegionReplica implements KnownRegions {

    private static final int MAX_PARSED_KEY_SETS = 1_000;
    private static final String SELECT_ROWS = "SELECT code, active, keys_json FROM region_replica WHERE ";

    private final DatabaseClient db;
    private final LastVersionWins lastVersionWins;
    private final Clock clock;
    /** Key sets already parsed, by their stored JSON: every signature reads every region's keys. */
    private final Map<String, JwkSet> parsedKeys = new ConcurrentHashMap<>();

    public RegionReplica(DatabaseClient db, LastVersionWins lastVersionWins, Clock clock) {
        this.db = db;
        this.lastVersionWins = lastVersionWins;
        this.clock = clock;
    }

    /**
     * Keeps {@code region} if it is newer than the copy held (or the first one).
     *
     * @return true if the replica changed
     */
    public Mono<Boolean> upsert(ReplicatedRegion region) {
        return lastVersionWins.write("region_replica", "code", Columns.of("code", region.code())
                .and("name", region.name()).and("signing_authority", region.signingAuthority(), String.class)
                .and("active", region.active())
                .and("keys_json", region.keys().keys().isEmpty() ? null : Json.write(region.keys().toJson()), String.class)
                .and("version", region.version()).andTime("updated_at", clock.instant()));
    }

    /** The signing keys of every region that has registered some. */
    @Override
    public Mono<SigningKeys> signingKeys() {
        return rowsWhere("keys_json IS NOT NULL", List.of()).map(this::signingKeysOf);
    }

    /** The standing of each of {@code codes} in the replica, as the agreement rules ask for it. */
    @Override
    public Mono<RegionDirectory> directoryFor(Collection<RegionCode> codes) {
        if (codes.isEmpty()) {
            return Mono.just(code -> Standing.UNKNOWN);
        }
        return rowsWhere("code IN (:codes)", values(codes)).map(RegionReplica::directoryOf);
    }

    /** One statement: the regions named and those with keys. */
    @Override
    public Mono<SigningRegions> forSignature(Collection<RegionCode> codes) {
        if (codes.isEmpty()) {
            return signingKeys().map(keys -> new SigningRegions(code -> Standing.UNKNOWN, keys));
        }
        List<String> named = values(codes);
        return rowsWhere("keys_json IS NOT NULL OR code IN (:codes)", named)
                .map(rows -> new SigningRegions(
                        directoryOf(rows.stream().filter(row -> named.contains(row.code())).toList()),
                        signingKeysOf(rows)));
    }

    /** The rows matching {@code condition}, with {@code :codes} bound to {@code codes} when it names any. */
    private Mono<List<ReplicaRow>> rowsWhere(String condition, List<String> codes) {
        var select = db.sql(SELECT_ROWS + condition);
        if (!codes.isEmpty()) {
            select = select.bind("codes", codes);
        }
        return select.map(RegionReplica::replicaRow).all().collectList();
    }

    private record ReplicaRow(String code, boolean active, String keysJson) {
    }

    private static ReplicaRow replicaRow(Readable row) {
        return new ReplicaRow(row.get("code", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("keys_json", String.class));
    }

    private static List<String> values(Collection<RegionCode> codes) {
        return codes.stream().map(RegionCode::value).distinct().toList();
    }

    private static RegionDirectory directoryOf(List<ReplicaRow> rows) {
        Map<String, Boolean> active = new HashMap<>();
        rows.forEach(row -> active.put(row.code(), row.active()));
        return code -> !active.containsKey(code.value()) ? Standing.UNKNOWN
                : active.get(code.value()) ? Standing.ACTIVE : Standing.DEACTIVATED;
    }

    private SigningKeys signingKeysOf(List<ReplicaRow> rows) {
        Map<RegionCode, JwkSet> keys = new HashMap<>();
        rows.stream().filter(row -> row.keysJson() != null)
                .forEach(row -> keys.put(RegionCode.of(row.code()), parsed(row.keysJson())));
        return SigningKeys.of(keys);
    }

    private JwkSet parsed(String json) {
        if (parsedKeys.size() > MAX_PARSED_KEY_SETS) {
            parsedKeys.clear();
        }
        return parsedKeys.computeIfAbsent(json, RegionReplica::keys);
    }

    public Mono<ReplicatedRegion> find(String code) {
        return db.sql("SELECT code, name, signing_authority, active, keys_json, version FROM region_replica WHERE code = :code")
                .bind("code", code)
                .map((Readable row) -> new ReplicatedRegion(row.get("code", String.class), row.get("name", String.class),
                        row.get("signing_authority", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)),
                        keys(row.get("keys_json", String.class)), row.get("version", Long.class)))
                .one();
    }

    private static JwkSet keys(String json) {
        return json == null ? JwkSet.of() : JwkSet.fromJson(Json.parse(json), "the replicated keys");
    }
}
