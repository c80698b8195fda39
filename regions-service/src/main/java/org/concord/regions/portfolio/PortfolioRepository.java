package org.concord.regions.portfolio;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import org.concord.platform.web.Page;
import org.concord.platform.web.PageQuery;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Persistence of the portfolio projection (tables {@code portfolio_agreement}, {@code portfolio_party}). */
@Repository
public class PortfolioRepository {

    private final DatabaseClient db;

    public PortfolioRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Long> storedVersion(String agreementId) {
        return db.sql("SELECT version FROM portfolio_agreement WHERE agreement_id = :id")
                .bind("id", agreementId)
                .map(row -> row.get("version", Long.class))
                .one();
    }

    /** Replaces (or creates) the agreement's row and its parties with the given snapshot. */
    public Mono<Void> save(AgreementView agreement, boolean exists) {
        var row = exists
                ? db.sql("UPDATE portfolio_agreement SET title = :title, status = :status, version = :version WHERE agreement_id = :id")
                : db.sql("INSERT INTO portfolio_agreement (agreement_id, title, status, version) VALUES (:id, :title, :status, :version)");
        Mono<Void> writeRow = row.bind("id", agreement.id())
                .bind("title", agreement.title())
                .bind("status", agreement.status())
                .bind("version", agreement.version())
                .then();
        Mono<Void> clearParties = db.sql("DELETE FROM portfolio_party WHERE agreement_id = :id")
                .bind("id", agreement.id())
                .then();
        Flux<Long> insertParties = Flux.range(0, agreement.parties().size())
                .concatMap(i -> insertParty(agreement.id(), i, agreement.parties().get(i)));
        return writeRow.then(clearParties).thenMany(insertParties).then();
    }

    private Mono<Long> insertParty(String agreementId, int position, AgreementView.Party party) {
        var insert = db.sql("""
                        INSERT INTO portfolio_party (agreement_id, region, position, signed, signed_at)
                        VALUES (:id, :region, :position, :signed, :signedAt)""")
                .bind("id", agreementId)
                .bind("region", party.region())
                .bind("position", position)
                .bind("signed", party.signed());
        insert = party.signedAt() == null
                ? insert.bindNull("signedAt", OffsetDateTime.class)
                : insert.bind("signedAt", OffsetDateTime.ofInstant(party.signedAt(), ZoneOffset.UTC));
        return insert.fetch().rowsUpdated();
    }

    public Mono<Page<RegionAgreement>> agreementsOf(String region, PageQuery page) {
        Mono<Long> total = db.sql("SELECT COUNT(*) FROM portfolio_party WHERE region = :region")
                .bind("region", region)
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<java.util.List<RegionAgreement>> items = db.sql("""
                        SELECT a.agreement_id, a.title, a.status, a.version, p.signed, p.signed_at,
                               (SELECT COUNT(*) FROM portfolio_party x WHERE x.agreement_id = a.agreement_id) AS party_count
                        FROM portfolio_party p
                        JOIN portfolio_agreement a ON a.agreement_id = p.agreement_id
                        WHERE p.region = :region
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
                JOIN portfolio_agreement a ON a.agreement_id = me.agreement_id AND a.status = 'SIGNED'
                JOIN portfolio_party other ON other.agreement_id = me.agreement_id AND other.region <> me.region
                WHERE me.region = :region""";
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
        OffsetDateTime signedAt = row.get("signed_at", OffsetDateTime.class);
        return new RegionAgreement(
                row.get("agreement_id", String.class),
                row.get("title", String.class),
                row.get("status", String.class),
                row.get("version", Long.class),
                Boolean.TRUE.equals(row.get("signed", Boolean.class)),
                signedAt == null ? null : signedAt.toInstant(),
                row.get("party_count", Long.class));
    }

    /** One agreement of a region's portfolio, with the region's own signing state. */
    public record RegionAgreement(String id, String title, String status, long version, boolean signed,
            Instant signedAt, long partyCount) {
    }

    /** A region the portfolio's region shares signed agreements with, and how many. */
    public record Partner(String region, String name, long signedAgreements) {
    }
}
