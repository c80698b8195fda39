package org.concord.regions.portfolio.persistence;

import org.concord.regions.portfolio.domain.AgreementView;
import org.concord.regions.portfolio.domain.Partner;
import org.concord.regions.portfolio.domain.RegionAgreement;
import java.time.LocalDate;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.concord.platform.persistence.ChangedRows;
import org.concord.platform.persistence.Columns;
import org.concord.platform.persistence.LastVersionWins;
import org.concord.platform.persistence.Sql;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Persistence of the portfolio projection (tables {@code portfolio_agreement}, {@code portfolio_party}). A party that
 * withdrew stays in the table (the snapshot says so) but its portfolio no longer lists the agreement, the agreement's
 * party count leaves it out, and it is nobody's partner through it.
 */
@Repository
public class PortfolioRepository {

    private static final String INSERT_PARTY = """
            INSERT INTO portfolio_party (agreement_id, region, position, signed, signed_at, in_force_since, withdrawn_on)
            VALUES (:id, :region, :position, :signed, :signedAt, :inForceSince, :withdrawnOn)""";
    private static final String UPDATE_PARTY = """
            UPDATE portfolio_party SET position = :position, signed = :signed, signed_at = :signedAt,
                                       in_force_since = :inForceSince, withdrawn_on = :withdrawnOn
            WHERE agreement_id = :id AND region = :region""";

    private final DatabaseClient db;

    private final LastVersionWins lastVersionWins;

    public PortfolioRepository(DatabaseClient db, LastVersionWins lastVersionWins) {
        this.db = db;
        this.lastVersionWins = lastVersionWins;
    }

    /**
     * Keeps the snapshot, with its parties, if it is newer than the stored one (last version wins).
     *
     * @return true if it was kept
     */
    public Mono<Boolean> save(AgreementView agreement) {
        return lastVersionWins.write("portfolio_agreement", "agreement_id", Columns.of("agreement_id", agreement.id())
                        .and("title", agreement.title()).and("status", agreement.status()).and("version", agreement.version())
                        .and("content_hash", agreement.contentHash(), String.class).and("text_version", agreement.textVersion()))
                .flatMap(written -> written ? replaceParties(agreement).thenReturn(true) : Mono.just(false));
    }

    /** Rewrites only the party rows that differ from the stored ones (a signature changes one of twelve). */
    private Mono<Void> replaceParties(AgreementView agreement) {
        List<AgreementView.Party> parties = agreement.parties();
        return storedParties(agreement.id()).flatMap(stored -> ChangedRows.between(stored, parties, AgreementView.Party::region)
                .write(stale -> db.sql("DELETE FROM portfolio_party WHERE agreement_id = :id AND region IN (:regions)")
                                .bind("id", agreement.id()).bind("regions", stale).then(),
                        i -> writeParty(UPDATE_PARTY, agreement.id(), i, parties.get(i)),
                        i -> writeParty(INSERT_PARTY, agreement.id(), i, parties.get(i))));
    }

    /** The stored parties in their order. */
    private Mono<List<AgreementView.Party>> storedParties(String agreementId) {
        return db.sql("SELECT region, signed, signed_at, in_force_since, withdrawn_on FROM portfolio_party "
                        + "WHERE agreement_id = :id ORDER BY position")
                .bind("id", agreementId)
                .map(row -> new AgreementView.Party(row.get("region", String.class),
                        Boolean.TRUE.equals(row.get("signed", Boolean.class)), Sql.instant(row, "signed_at"),
                        row.get("in_force_since", LocalDate.class), row.get("withdrawn_on", LocalDate.class)))
                .all()
                .collectList();
    }

    private Mono<Void> writeParty(String sql, String agreementId, int position, AgreementView.Party party) {
        var write = db.sql(sql)
                .bind("id", agreementId)
                .bind("region", party.region())
                .bind("position", position)
                .bind("signed", party.signed());
        write = Sql.bind(write, "inForceSince", party.inForceSince(), LocalDate.class);
        write = Sql.bind(write, "withdrawnOn", party.withdrawnOn(), LocalDate.class);
        return Sql.bindTime(write, "signedAt", party.signedAt()).then();
    }

    public Mono<Page<RegionAgreement>> agreementsOf(String region, PageQuery page) {
        Mono<Long> total = db.sql("SELECT COUNT(*) FROM portfolio_party WHERE region = :region AND withdrawn_on IS NULL")
                .bind("region", region)
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<java.util.List<RegionAgreement>> items = db.sql("""
                        SELECT a.agreement_id, a.title, a.status, a.version, a.content_hash, a.text_version, p.signed,
                               p.signed_at, p.in_force_since,
                               (SELECT COUNT(*) FROM portfolio_party x
                                WHERE x.agreement_id = a.agreement_id AND x.withdrawn_on IS NULL) AS party_count
                        FROM portfolio_party p
                        JOIN portfolio_agreement a ON a.agreement_id = p.agreement_id
                        WHERE p.region = :region AND p.withdrawn_on IS NULL
                        ORDER BY a.title, a.agreement_id
                        LIMIT :limit OFFSET :offset""")
                .bind("region", region)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(PortfolioRepository::toRegionAgreement)
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> Page.of(t.getT1(), page, t.getT2()));
    }

    public Mono<Page<Partner>> partnersOf(String region, PageQuery page) {
        String signedTogether = """
                FROM portfolio_party me
                JOIN portfolio_agreement a ON a.agreement_id = me.agreement_id AND a.status IN ('SIGNED', 'IN_FORCE')
                JOIN portfolio_party other ON other.agreement_id = me.agreement_id AND other.region <> me.region
                    AND other.signed = TRUE AND other.withdrawn_on IS NULL
                WHERE me.region = :region AND me.signed = TRUE AND me.withdrawn_on IS NULL""";
        Mono<Long> total = db.sql("SELECT COUNT(DISTINCT other.region) " + signedTogether)
                .bind("region", region)
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<java.util.List<Partner>> items = db.sql("SELECT other.region AS partner, r.name AS partner_name, "
                        + "COUNT(*) AS signed_agreements " + signedTogether.replace("WHERE me.region",
                                "LEFT JOIN region r ON r.code = other.region WHERE me.region")
                        + " GROUP BY other.region, r.name ORDER BY signed_agreements DESC, other.region"
                        + " LIMIT :limit OFFSET :offset")
                .bind("region", region)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(row -> new Partner(row.get("partner", String.class), row.get("partner_name", String.class),
                        row.get("signed_agreements", Long.class)))
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> Page.of(t.getT1(), page, t.getT2()));
    }

    /** How many agreements the projection holds (the rebuild reports it). */
    public Mono<Long> countAgreements() {
        return db.sql("SELECT COUNT(*) FROM portfolio_agreement").map(row -> row.get(0, Long.class)).one();
    }

    /** Empties the projection (parties go with their agreements). */
    public Mono<Void> clear() {
        return db.sql("DELETE FROM portfolio_party").then()
                .then(db.sql("DELETE FROM portfolio_agreement").then());
    }

    private static RegionAgreement toRegionAgreement(Readable row) {
        return new RegionAgreement(
                row.get("agreement_id", String.class),
                row.get("title", String.class),
                row.get("status", String.class),
                row.get("version", Long.class),
                Boolean.TRUE.equals(row.get("signed", Boolean.class)),
                Sql.instant(row, "signed_at"),
                Sql.number(row, "party_count"),
                row.get("in_force_since", LocalDate.class),
                row.get("content_hash", String.class),
                Sql.number(row, "text_version").intValue());
    }
}
