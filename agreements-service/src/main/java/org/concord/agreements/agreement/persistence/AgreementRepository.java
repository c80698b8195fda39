package org.concord.agreements.agreement.persistence;

import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.Amendment;
import org.concord.agreements.agreement.domain.EntryIntoForce;
import org.concord.agreements.agreement.domain.Provisions;
import org.concord.agreements.agreement.domain.RenewalObjection;
import org.concord.agreements.agreement.domain.Withdrawal;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.CooperationArea;
import org.concord.agreements.agreement.domain.HistoryEntry;
import org.concord.agreements.agreement.domain.Kind;
import org.concord.agreements.agreement.domain.Party;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Signatory;
import org.concord.agreements.agreement.domain.Signature;
import org.concord.agreements.agreement.domain.SignatureEvidence;
import org.concord.agreements.agreement.domain.SigningEvent;
import org.concord.agreements.agreement.domain.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.concord.evidence.HashChain;
import org.concord.evidence.HistoryHead;
import org.concord.evidence.Json;
import org.concord.evidence.Jwk;
import org.concord.evidence.SignatureMethod;
import org.concord.platform.persistence.ChangedRows;
import org.concord.platform.persistence.JsonColumn;
import org.concord.platform.persistence.Sql;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persistence of agreements over R2DBC (tables {@code agreement}, {@code agreement_party},
 * {@code agreement_history}: the hash-chained history); the same SQL runs on H2 and PostgreSQL. Updates are optimistic: a write names the
 * version it read, and finding another one means a concurrent change won (the use case is then run again).
 */
@Repository
public class AgreementRepository {

    private static final String COLUMNS = "id, status, text_json, content_hash, version, created_at, updated_at, "
            + "opened_at, concluded_at, ended_at, end_reason, provisions_json, in_force_since, text_version, "
            + "open_amendment_json, text_as_opened_json, term_until, term_notice_sent, renewal_objection_json";
    private static final String PARTY_COLUMNS = "agreement_id, party_order, region, acceded, signed_at, signatory_name, "
            + "signatory_title, signatory_organisation, signed_content_hash, signature_method, signature_jws, signature_key, in_force_since, withdrawal_notified_at, withdrawal_effective_on, "
            + "withdrawal_reason, withdrawn_on";
    private static final String INSERT_PARTY = "INSERT INTO agreement_party (" + PARTY_COLUMNS + ") VALUES (:agreementId, "
            + ":order, :region, :acceded, :signedAt, :name, :title, :organisation, :hash, :method, :jws, :key, "
            + ":inForceSince, :notifiedAt, :effectiveOn, :withdrawalReason, :withdrawnOn)";
    private static final String UPDATE_PARTY = "UPDATE agreement_party SET party_order = :order, acceded = :acceded, "
            + "signed_at = :signedAt, signatory_name = :name, signatory_title = :title, signatory_organisation = :organisation, "
            + "signed_content_hash = :hash, signature_method = :method, signature_jws = :jws, signature_key = :key, "
            + "in_force_since = :inForceSince, withdrawal_notified_at = :notifiedAt, withdrawal_effective_on = :effectiveOn, "
            + "withdrawal_reason = :withdrawalReason, withdrawn_on = :withdrawnOn WHERE agreement_id = :agreementId AND region = :region";
    private static final String HISTORY_COLUMNS = "agreement_id, entry_seq, entry_type, occurred_at, version, event_id, "
            + "details, previous_hash, hash, hashed";

    private final DatabaseClient db;
    private final JsonColumn<StoredText> texts;
    private final JsonColumn<StoredProvisions> provisions;
    private final JsonColumn<StoredAmendment> amendments;
    private final JsonColumn<StoredObjection> objections;

    public AgreementRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.texts = new JsonColumn<>(json, StoredText.class);
        this.provisions = new JsonColumn<>(json, StoredProvisions.class);
        this.amendments = new JsonColumn<>(json, StoredAmendment.class);
        this.objections = new JsonColumn<>(json, StoredObjection.class);
    }

    // ---- agreements ------------------------------------------------------------------------------------------

    public Mono<Agreement> find(UUID id) {
        Mono<Row> found = db.sql("SELECT " + COLUMNS + " FROM agreement WHERE id = :id")
                .bind("id", id)
                .map((Readable row) -> toRow(row))
                .one();
        return found.flatMap(row -> partiesOf(List.of(id)).map(parties -> row.toAgreement(parties.getOrDefault(id, List.of()))));
    }

    /** Inserts a new agreement; {@code nextDueOn}: the first day something is due for it (null: nothing). */
    public Mono<Void> insert(Agreement agreement, LocalDate nextDueOn) {
        var insert = db.sql("INSERT INTO agreement (" + COLUMNS + ", next_due_on) VALUES (:id, :status, :text, "
                + ":contentHash, :version, :createdAt, :updatedAt, :openedAt, :concludedAt, :endedAt, :endReason, "
                + ":provisions, :inForceSince, :textVersion, :openAmendment, :textAsOpened, :termUntil, :termNoticeSent, "
                + ":renewalObjection, :nextDueOn)");
        return bindAgreement(insert, agreement, nextDueOn).then()
                .then(insertParties(agreement));
    }

    /**
     * Writes the agreement's new state over {@code read}, the state it was decided from; of the parties only the rows
     * that changed are written (a signature changes one of twelve).
     *
     * @throws OptimisticLockingFailureException (in the Mono) if the stored version is no longer {@code read}'s
     */
    public Mono<Void> update(Agreement agreement, Agreement read, LocalDate nextDueOn) {
        long readVersion = read.version();
        var update = db.sql("UPDATE agreement SET status = :status, text_json = :text, content_hash = :contentHash, "
                + "version = :version, created_at = :createdAt, updated_at = :updatedAt, opened_at = :openedAt, "
                + "concluded_at = :concludedAt, ended_at = :endedAt, end_reason = :endReason, term_until = :termUntil, "
                + "provisions_json = :provisions, in_force_since = :inForceSince, text_version = :textVersion, "
                + "open_amendment_json = :openAmendment, text_as_opened_json = :textAsOpened, "
                + "term_notice_sent = :termNoticeSent, renewal_objection_json = :renewalObjection, next_due_on = :nextDueOn "
                + "WHERE id = :id AND version = :readVersion");
        return bindAgreement(update, agreement, nextDueOn).bind("readVersion", readVersion)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                        : Mono.error(new OptimisticLockingFailureException("agreement " + agreement.id()
                                + " changed since version " + readVersion + " was read")))
                .then(rewriteChangedParties(agreement, read.parties()));
    }

    private Mono<Void> rewriteChangedParties(Agreement agreement, List<Party> before) {
        return ChangedRows.between(before, agreement.parties(), party -> party.region().value()).write(
                stale -> db.sql("DELETE FROM agreement_party WHERE agreement_id = :id AND region IN (:regions)")
                        .bind("id", agreement.id()).bind("regions", stale).then(),
                i -> writeParty(agreement, i, UPDATE_PARTY),
                i -> writeParty(agreement, i, INSERT_PARTY));
    }

    public Mono<Page<Agreement>> list(AgreementStatus status, RegionCode party, PageQuery page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (status != null) {
            conditions.add("a.status = :status");
            binds.put("status", status.name());
        }
        if (party != null) {
            conditions.add("EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.region = :party)");
            binds.put("party", party.value());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var count = db.sql("SELECT COUNT(*) FROM agreement a" + where);
        var select = db.sql("SELECT " + prefixed(COLUMNS) + " FROM agreement a" + where
                + " ORDER BY a.created_at DESC, a.id LIMIT :limit OFFSET :offset");
        for (var bind : binds.entrySet()) {
            count = count.bind(bind.getKey(), bind.getValue());
            select = select.bind(bind.getKey(), bind.getValue());
        }
        Mono<Long> total = count.map(row -> row.get(0, Long.class)).one();
        Mono<List<Agreement>> items = select.bind("limit", page.size()).bind("offset", page.offset())
                .map((Readable row) -> toRow(row)).all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(List.<Agreement>of())
                        : partiesOf(rows.stream().map(Row::id).toList()).map(parties -> rows.stream()
                                .map(row -> row.toAgreement(parties.getOrDefault(row.id(), List.of()))).toList()));
        return Mono.zip(items, total).map(t -> Page.of(t.getT1(), page, t.getT2()));
    }

    /** Agreements for which something is due by {@code today} (entry into force, withdrawal, notice, end of term). */
    public Flux<UUID> due(LocalDate today) {
        return db.sql("SELECT id FROM agreement WHERE next_due_on <= :today ORDER BY next_due_on, id")
                .bind("today", today)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /**
     * Moves the day something is next due for an agreement that did not change (nothing was due after all), if it is
     * still at {@code version}.
     */
    public Mono<Void> reschedule(UUID id, long version, LocalDate nextDueOn) {
        var update = db.sql("UPDATE agreement SET next_due_on = :nextDueOn WHERE id = :id AND version = :version")
                .bind("id", id).bind("version", version);
        return Sql.bind(update, "nextDueOn", nextDueOn, LocalDate.class).then();
    }

    // ---- the hash-chained history ---------------------------------------------------------------------------

    /**
     * Appends an entry to the agreement's history, linked to the entry before it (docs/evidence.md), in the caller's
     * transaction. Two appends that read the same head (a refused signature beside a step of the agreement) claim
     * the same seq: the unique (agreement_id, entry_seq) lets one in and the other fails as a lost race, which the
     * use case runs again from a fresh read.
     */
    public Mono<HistoryEntry> appendHistory(UUID agreementId, long version, String type, Instant at, String eventId,
            String details) {
        return historyHead(agreementId)
                .map(head -> HistoryEntry.after(head, agreementId, type, at, version, eventId, details))
                .flatMap(entry -> {
                    var insert = db.sql("INSERT INTO agreement_history (" + HISTORY_COLUMNS + ") VALUES (:agreementId, "
                                    + ":seq, :type, :at, :version, :eventId, :details, :previousHash, :hash, :hashed)")
                            .bind("agreementId", agreementId)
                            .bind("seq", entry.seq())
                            .bind("type", type)
                            .bind("at", Sql.utc(at))
                            .bind("version", version)
                            .bind("details", details)
                            .bind("previousHash", entry.previousHash())
                            .bind("hash", entry.hash())
                            .bind("hashed", entry.hashed());
                    return Sql.bind(insert, "eventId", eventId, String.class).then().thenReturn(entry);
                })
                .onErrorMap(DuplicateKeyException.class, e -> new OptimisticLockingFailureException(
                        "another entry took seq of agreement " + agreementId + "'s history first", e));
    }

    /** The head of the agreement's history: its last entry's hash and seq, or 64 zeros and 0 when it has none. */
    public Mono<HistoryHead> historyHead(UUID agreementId) {
        return db.sql("SELECT entry_seq, hash FROM agreement_history WHERE agreement_id = :id "
                        + "ORDER BY entry_seq DESC LIMIT 1")
                .bind("id", agreementId)
                .map(row -> new HistoryHead(row.get("hash", String.class), row.get("entry_seq", Long.class)))
                .one()
                .defaultIfEmpty(new HistoryHead(HashChain.GENESIS, 0));
    }

    /** The agreement's history, oldest first. */
    public Flux<HistoryEntry> history(UUID agreementId) {
        return db.sql("SELECT " + HISTORY_COLUMNS + " FROM agreement_history WHERE agreement_id = :id ORDER BY entry_seq")
                .bind("id", agreementId)
                .map(row -> new HistoryEntry(row.get("agreement_id", UUID.class), row.get("entry_seq", Long.class),
                        row.get("entry_type", String.class), Sql.instant(row, "occurred_at"),
                        row.get("version", Long.class), row.get("event_id", String.class),
                        row.get("details", String.class), row.get("previous_hash", String.class),
                        row.get("hash", String.class), row.get("hashed", String.class)))
                .all();
    }

    // ---- mapping -------------------------------------------------------------------------------------------

    /** The agreement row before its parties are attached. */
    private record Row(UUID id, AgreementStatus status, AgreementText text, ContentHash contentHash, long version,
            Instant createdAt, Instant updatedAt, Instant openedAt, Instant concludedAt, Instant endedAt,
            String endReason, Provisions provisions, LocalDate inForceSince, int textVersion, Amendment openAmendment,
            AgreementText textAsOpened, LocalDate termEndsOn, Integer termNoticeSent, RenewalObjection objection) {

        Agreement toAgreement(List<Party> parties) {
            return new Agreement(id, status, text, parties, contentHash, version, createdAt, updatedAt, openedAt,
                    concludedAt, endedAt, endReason, provisions, inForceSince, textVersion, openAmendment, textAsOpened,
                    termEndsOn, termNoticeSent, objection);
        }
    }

    /** The provisions as stored in {@code provisions_json}. */
    record StoredProvisions(String rule, Integer ruleQuorum, LocalDate date, int quorum, int withdrawalNoticeDays,
            boolean automaticRenewal, int renewalObjectionDays) {

        static StoredProvisions of(Provisions p) {
            EntryIntoForce e = p.entryIntoForce();
            return new StoredProvisions(e.rule().name(), e.quorum(), e.date(), p.quorum(), p.withdrawalNoticeDays(),
                    p.automaticRenewal(), p.renewalObjectionDays());
        }

        Provisions toProvisions() {
            return new Provisions(new EntryIntoForce(EntryIntoForce.Rule.valueOf(rule), ruleQuorum, date), quorum,
                    withdrawalNoticeDays, automaticRenewal, renewalObjectionDays);
        }
    }

    /** The open amendment as stored in {@code open_amendment_json}, its signatures with their evidence. */
    record StoredAmendment(int number, StoredText text, String contentHash, String previousContentHash, Instant openedAt,
            List<String> parties, List<StoredSignature> signatures) {

        static StoredAmendment of(Amendment a) {
            return new StoredAmendment(a.number(), StoredText.of(a.text()), a.contentHash().value(),
                    a.previousContentHash().value(), a.openedAt(), a.parties().stream().map(RegionCode::value).toList(),
                    a.signatures().stream().map(StoredSignature::of).toList());
        }

        Amendment toAmendment() {
            return new Amendment(number, text.toText(), ContentHash.of(contentHash), ContentHash.of(previousContentHash),
                    openedAt, parties.stream().map(RegionCode::of).toList(),
                    signatures.stream().map(StoredSignature::toSignature).toList());
        }
    }

    record StoredSignature(String party, String name, String title, String organisation, Instant signedAt,
            String contentHash, String method, String jws, String key) {

        static StoredSignature of(Signature s) {
            return new StoredSignature(s.party().value(), s.signatory().name(), s.signatory().title(),
                    s.signatory().organisation(), s.signedAt(), s.contentHash().value(), s.evidence().method().value(),
                    s.evidence().jws(), s.evidence().byKey() ? Json.write(s.evidence().key().toJson()) : null);
        }

        Signature toSignature() {
            SignatureEvidence evidence = SignatureMethod.JWS.value().equals(method) && jws != null
                    ? SignatureEvidence.jws(jws, Jwk.fromJson(Json.parse(key))) : SignatureEvidence.bearerToken();
            return new Signature(RegionCode.of(party), new Signatory(name, title, organisation), signedAt,
                    ContentHash.of(contentHash), evidence);
        }
    }

    record StoredObjection(String party, String reason, Instant at) {
    }

    /** The text as stored in {@code text_json} (not the canonical form: that is only for hashing). */
    record StoredText(String title, String kind, List<String> areas, String summary, List<String> commitments,
            String counterpart, String convener, List<String> parties, StoredSigningEvent signingEvent,
            StoredTerm term) {

        static StoredText of(AgreementText text) {
            return new StoredText(text.title(), text.kind().name(), text.areas().stream().map(Enum::name).toList(),
                    text.summary(), text.commitments(), text.counterpart(), text.convener().value(),
                    text.parties().stream().map(RegionCode::value).toList(),
                    new StoredSigningEvent(text.signingEvent().name(), text.signingEvent().venue(), text.signingEvent().date()),
                    new StoredTerm(text.term().effectiveFrom(), text.term().until()));
        }

        AgreementText toText() {
            return new AgreementText(title, Kind.valueOf(kind), areas.stream().map(CooperationArea::valueOf).toList(),
                    summary, commitments, counterpart, RegionCode.of(convener),
                    parties.stream().map(RegionCode::of).toList(),
                    new SigningEvent(signingEvent.name(), signingEvent.venue(), signingEvent.date()),
                    new Term(term.effectiveFrom(), term.until()));
        }
    }

    record StoredSigningEvent(String name, String venue, LocalDate date) {
    }

    record StoredTerm(LocalDate effectiveFrom, LocalDate until) {
    }

    private Row toRow(Readable row) {
        String hash = row.get("content_hash", String.class);
        return new Row(
                row.get("id", UUID.class),
                AgreementStatus.valueOf(row.get("status", String.class)),
                texts.read(row.get("text_json", String.class)).toText(),
                hash == null ? null : ContentHash.of(hash),
                row.get("version", Long.class),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"),
                Sql.instant(row, "opened_at"),
                Sql.instant(row, "concluded_at"),
                Sql.instant(row, "ended_at"),
                row.get("end_reason", String.class),
                provisionsOf(row.get("provisions_json", String.class)),
                row.get("in_force_since", LocalDate.class),
                row.get("text_version", Integer.class),
                amendmentOf(row.get("open_amendment_json", String.class)),
                textOf(row.get("text_as_opened_json", String.class)),
                row.get("term_until", LocalDate.class),
                row.get("term_notice_sent", Integer.class),
                objectionOf(row.get("renewal_objection_json", String.class)));
    }

    private Provisions provisionsOf(String column) {
        return column == null ? Provisions.DEFAULTS : provisions.read(column).toProvisions();
    }

    private Amendment amendmentOf(String column) {
        return column == null ? null : amendments.read(column).toAmendment();
    }

    private AgreementText textOf(String column) {
        return column == null ? null : texts.read(column).toText();
    }

    private RenewalObjection objectionOf(String column) {
        StoredObjection stored = objections.read(column);
        return stored == null ? null : new RenewalObjection(RegionCode.of(stored.party()), stored.reason(), stored.at());
    }

    private Mono<Map<UUID, List<Party>>> partiesOf(List<UUID> agreements) {
        return db.sql("SELECT " + PARTY_COLUMNS + " FROM agreement_party WHERE agreement_id IN (:ids) "
                        + "ORDER BY agreement_id, party_order")
                .bind("ids", agreements)
                .map(row -> Map.entry(row.get("agreement_id", UUID.class), toParty(row)))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Party toParty(Readable row) {
        RegionCode region = RegionCode.of(row.get("region", String.class));
        Instant signedAt = Sql.instant(row, "signed_at");
        Signature signature = signedAt == null ? null : new Signature(region,
                new Signatory(row.get("signatory_name", String.class), row.get("signatory_title", String.class),
                        row.get("signatory_organisation", String.class)),
                signedAt, ContentHash.of(row.get("signed_content_hash", String.class)), evidence(row));
        Instant notifiedAt = Sql.instant(row, "withdrawal_notified_at");
        Withdrawal withdrawal = notifiedAt == null ? null : new Withdrawal(notifiedAt,
                row.get("withdrawal_effective_on", LocalDate.class), row.get("withdrawal_reason", String.class));
        return new Party(region, signature, Boolean.TRUE.equals(row.get("acceded", Boolean.class)),
                row.get("in_force_since", LocalDate.class), withdrawal, row.get("withdrawn_on", LocalDate.class));
    }

    /** How the signature was made; the key its JWS verified with, as a public JWK (the region may have rotated it since). */
    private static SignatureEvidence evidence(Readable row) {
        String jws = row.get("signature_jws", String.class);
        if (!SignatureMethod.JWS.value().equals(row.get("signature_method", String.class)) || jws == null) {
            return SignatureEvidence.bearerToken();
        }
        return SignatureEvidence.jws(jws, Jwk.fromJson(Json.parse(row.get("signature_key", String.class))));
    }

    private GenericExecuteSpec bindAgreement(GenericExecuteSpec spec, Agreement a, LocalDate nextDueOn) {
        spec = spec.bind("id", a.id())
                .bind("status", a.status().name())
                .bind("text", texts.write(StoredText.of(a.text())))
                .bind("version", a.version())
                .bind("createdAt", Sql.utc(a.createdAt()))
                .bind("updatedAt", Sql.utc(a.updatedAt()));
        spec = Sql.bind(spec, "contentHash", a.contentHash() == null ? null : a.contentHash().value(), String.class);
        spec = Sql.bindTime(spec, "openedAt", a.openedAt());
        spec = Sql.bindTime(spec, "concludedAt", a.concludedAt());
        spec = Sql.bindTime(spec, "endedAt", a.endedAt());
        spec = Sql.bind(spec, "endReason", a.endReason(), String.class);
        spec = Sql.bind(spec, "termUntil", a.termEndsOn(), LocalDate.class);
        spec = spec.bind("provisions", provisions.write(StoredProvisions.of(a.provisions())))
                .bind("textVersion", a.textVersion());
        spec = Sql.bind(spec, "inForceSince", a.inForceSince(), LocalDate.class);
        spec = Sql.bind(spec, "openAmendment", a.openAmendment() == null ? null
                : amendments.write(StoredAmendment.of(a.openAmendment())), String.class);
        spec = Sql.bind(spec, "textAsOpened", a.textAsOpened() == null ? null
                : texts.write(StoredText.of(a.textAsOpened())), String.class);
        spec = Sql.bind(spec, "termNoticeSent", a.termNoticeSent(), Integer.class);
        RenewalObjection o = a.renewalObjection();
        spec = Sql.bind(spec, "renewalObjection", o == null ? null
                : objections.write(new StoredObjection(o.party().value(), o.reason(), o.at())), String.class);
        return Sql.bind(spec, "nextDueOn", nextDueOn, LocalDate.class);
    }

    private Mono<Void> insertParties(Agreement agreement) {
        return Flux.range(0, agreement.parties().size()).concatMap(i -> writeParty(agreement, i, INSERT_PARTY)).then();
    }

    private Mono<Void> writeParty(Agreement agreement, int i, String sql) {
        Party party = agreement.parties().get(i);
        Signature s = party.signature();
        var write = db.sql(sql)
                .bind("agreementId", agreement.id())
                .bind("order", i)
                .bind("region", party.region().value())
                .bind("acceded", party.acceded());
        write = Sql.bindTime(write, "signedAt", s == null ? null : s.signedAt());
        write = Sql.bind(write, "name", s == null ? null : s.signatory().name(), String.class);
        write = Sql.bind(write, "title", s == null ? null : s.signatory().title(), String.class);
        write = Sql.bind(write, "organisation", s == null ? null : s.signatory().organisation(), String.class);
        write = Sql.bind(write, "hash", s == null ? null : s.contentHash().value(), String.class);
        write = Sql.bind(write, "method", s == null ? null : s.evidence().method().value(), String.class);
        write = Sql.bind(write, "jws", s == null ? null : s.evidence().jws(), String.class);
        write = Sql.bind(write, "key", s == null || !s.evidence().byKey() ? null
                : Json.write(s.evidence().key().toJson()), String.class);
        Withdrawal w = party.withdrawal();
        write = Sql.bind(write, "inForceSince", party.inForceSince(), LocalDate.class);
        write = Sql.bindTime(write, "notifiedAt", w == null ? null : w.notifiedAt());
        write = Sql.bind(write, "effectiveOn", w == null ? null : w.effectiveOn(), LocalDate.class);
        write = Sql.bind(write, "withdrawalReason", w == null ? null : w.reason(), String.class);
        write = Sql.bind(write, "withdrawnOn", party.withdrawnOn(), LocalDate.class);
        return write.then();
    }

    private static String prefixed(String columns) {
        return java.util.Arrays.stream(columns.split(",\\s*")).map(c -> "a." + c).collect(Collectors.joining(", "));
    }
}
