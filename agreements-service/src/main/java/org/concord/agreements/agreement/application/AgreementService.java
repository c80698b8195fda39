package org.concord.agreements.agreement.application;

import org.concord.agreements.agreement.domain.AgreementRefusals.AgreementNotFound;

import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementEvent;
import org.concord.agreements.agreement.domain.AgreementRefusals;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.Drafting;
import org.concord.agreements.agreement.domain.Provisions;
import org.concord.agreements.agreement.domain.TermNotices;
import org.concord.agreements.agreement.domain.HistoryEntry;
import org.concord.agreements.agreement.domain.Outcome;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Signatory;
import org.concord.agreements.agreement.domain.Signer;
import org.concord.agreements.agreement.persistence.AgreementRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.concord.platform.domain.ExpectedVersion;
import org.concord.platform.usecase.UseCases;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agreement use cases. Each one runs through {@link UseCases}: read the agreement, let it decide
 * ({@link Agreement}), write its new state (optimistic version check), keep its events ({@link AgreementJournal}:
 * audit trail and outbox), commit. A use case that lost a race with a concurrent change runs again from a fresh
 * read.
 */
@Service
public class AgreementService {

    private static final Logger log = LoggerFactory.getLogger(AgreementService.class);

    private final AgreementRepository agreements;
    private final KnownRegions regions;
    private final AgreementJournal journal;
    private final UseCases useCases;
    private final JsonMapper json;
    private final Clock clock;
    private final TermNotices notices;

    public AgreementService(AgreementRepository agreements, KnownRegions regions, AgreementJournal journal,
            UseCases useCases, JsonMapper json, Clock clock, TermNotices notices) {
        this.agreements = agreements;
        this.regions = regions;
        this.journal = journal;
        this.useCases = useCases;
        this.json = json;
        this.clock = clock;
        this.notices = notices;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public Mono<Agreement> get(UUID id) {
        return agreements.find(id).switchIfEmpty(Mono.error(() -> new AgreementNotFound(id)));
    }

    public Mono<Page<Agreement>> list(AgreementStatus status, RegionCode party, PageQuery page) {
        return agreements.list(status, party, page);
    }

    /** The hash-chained history, oldest first. */
    public Mono<List<HistoryEntry>> history(UUID id) {
        return get(id).then(agreements.history(id).collectList());
    }

    /**
     * The whole history and the agreement, read in this order: the agreement is then at least as recent as the
     * history, so it holds the key of every signature the history has (a signature committed in between adds an
     * entry the history read does not show, and a key it does not need).
     */
    public Mono<Tuple2<List<HistoryEntry>, Agreement>> historyAndAgreement(UUID id) {
        return agreements.history(id).collectList()
                .flatMap(history -> history.isEmpty() ? Mono.error(new AgreementNotFound(id))
                        : get(id).map(agreement -> Tuples.of(history, agreement)));
    }

    // ---- changing ------------------------------------------------------------------------------------------

    public Mono<Agreement> draft(Drafting drafting) {
        UUID id = UUID.randomUUID();
        return useCases.run(() -> regions.directoryFor(drafting.text().parties())
                .map(directory -> Agreement.draft(id, drafting.text(), drafting.provisions(), directory, now()))
                .flatMap(outcome -> agreements.insert(outcome.agreement(), outcome.agreement().nextDueOn(notices))
                        .then(journal.record(outcome)).thenReturn(outcome)))
                .doOnNext(AgreementService::logOutcome)
                .map(Outcome::agreement);
    }

    /** Replaces the draft's text and provisions with {@code change} applied to them (the expected version is required). */
    public Mono<Agreement> amend(UUID id, ExpectedVersion expected, UnaryOperator<Drafting> change) {
        return step(id, expected, true, agreement -> {
            Drafting changed = change.apply(new Drafting(agreement.text(), agreement.provisions()));
            return regions.directoryFor(changed.text().parties())
                    .map(directory -> agreement.amend(changed.text(), changed.provisions(), directory, now()));
        });
    }

    public Mono<Agreement> open(UUID id, ExpectedVersion expected) {
        return step(id, expected, false, agreement -> regions.directoryFor(agreement.text().parties())
                .map(directory -> agreement.open(directory, now())));
    }

    /**
     * A party signs, or (agreement SIGNED) a region accedes, with the signatory's JWS when it brings one (null
     * otherwise), checked against the keys its region registered. A signer acting for another region is refused,
     * and the refused attempt goes into the audit trail.
     */
    public Mono<Agreement> sign(UUID id, ExpectedVersion expected, Signer signer, RegionCode region, Signatory signatory,
            ContentHash contentHash, String jws) {
        if (!signer.mayActFor(region)) {
            return refuseSigner(id, signer, region);
        }
        return step(id, expected, false, agreement -> regions.forSignature(List.of(region))
                .map(known -> agreement.sign(region, signatory, contentHash, jws, known.keys(), known.directory(), now())));
    }

    private Mono<Agreement> refuseSigner(UUID id, Signer signer, RegionCode region) {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("party", region.value());
        details.put("signer", signer.subject());
        details.put("actsFor", signer.actsFor() == null ? null : signer.actsFor().value());
        // a transaction of its own, committed before the refusal: the refusal itself must not roll it back
        return useCases.run(() -> get(id)
                        .flatMap(agreement -> agreements.appendHistory(id, agreement.version(), "signature-refused",
                                now(), null, json.writeValueAsString(details))))
                .doOnSuccess(done -> log.warn("agreement {}: {} (acting for {}) refused to sign for {}", id,
                        signer.subject(), signer.actsFor(), region))
                .then(Mono.error(new AgreementRefusals.SignerNotEntitled(id, signer, region)));
    }

    public Mono<Agreement> withdraw(UUID id, ExpectedVersion expected, String reason) {
        return step(id, expected, false, agreement -> Mono.fromSupplier(() -> agreement.withdraw(reason, now())));
    }

    public Mono<Agreement> terminate(UUID id, ExpectedVersion expected, String reason) {
        return step(id, expected, false, agreement -> Mono.fromSupplier(() -> agreement.terminate(reason, now())));
    }

    /** A party in force gives notice of its withdrawal, by its signatory or an administrator. */
    public Mono<Agreement> notifyWithdrawal(UUID id, ExpectedVersion expected, Signer signer, RegionCode party,
            String reason) {
        if (!signer.mayWithdraw(party)) {
            return Mono.error(new AgreementRefusals.SignerNotEntitled(id, signer, party, "give notice of withdrawal from"));
        }
        return step(id, expected, false, agreement -> Mono.fromSupplier(() -> agreement.notifyWithdrawal(party, reason,
                now())));
    }

    /** Opens an amendment: the agreement's current text with {@code change} applied to it. */
    public Mono<Agreement> openAmendment(UUID id, ExpectedVersion expected,
            BiFunction<AgreementText, Provisions, AgreementText> change) {
        return step(id, expected, false, agreement -> Mono.fromSupplier(() ->
                agreement.openAmendment(change.apply(agreement.text(), agreement.provisions()), now())));
    }

    /** A party's signatory signs the open amendment {@code number}, with its JWS when it brings one. */
    public Mono<Agreement> signAmendment(UUID id, int number, ExpectedVersion expected, Signer signer, RegionCode party,
            Signatory signatory, ContentHash contentHash, String jws) {
        if (!signer.mayActFor(party)) {
            return Mono.error(new AgreementRefusals.SignerNotEntitled(id, signer, party, "sign an amendment of"));
        }
        return step(id, expected, false, agreement -> regions.signingKeys().map(keys ->
                agreement.signAmendment(number, party, signatory, contentHash, jws, keys, now())));
    }

    /** A party's signatory objects to the automatic renewal of the current term. */
    public Mono<Agreement> objectToRenewal(UUID id, ExpectedVersion expected, Signer signer, RegionCode party,
            String reason) {
        if (!signer.mayActFor(party)) {
            return Mono.error(new AgreementRefusals.SignerNotEntitled(id, signer, party, "object to the renewal of"));
        }
        return step(id, expected, false, agreement -> Mono.fromSupplier(() -> agreement.objectToRenewal(party, reason,
                now())));
    }

    /**
     * Lets time pass up to {@code today} for every agreement something is due for (entry into force, withdrawals,
     * term notices, renewal or expiry), one transaction each; the number of agreements that changed. Two instances
     * doing it at once: each change names the version it read, so one wins and the other, run again from a fresh
     * read, finds nothing due.
     */
    public Mono<Long> advanceDue(LocalDate today) {
        return agreements.due(today).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> useCases.run(() -> agreements.find(id).flatMap(agreement -> {
                    Outcome outcome = agreement.advance(today, notices, now());
                    return outcome.changed() ? persist(outcome, agreement)
                            : agreements.reschedule(id, agreement.version(), agreement.nextDueOn(notices)).then(Mono.empty());
                })).doOnNext(AgreementService::logOutcome))
                .count();
    }

    // ---- one step of an agreement's life, as one transaction -------------------------------------------------

    /**
     * Reads the agreement, checks the expected version (when {@code versionRequired}, or whenever one is stated),
     * lets {@code decide} apply one step of the agreement's life (reading from the region replica what it needs),
     * and persists the outcome, all in one use case; logs what happened once committed.
     */
    private Mono<Agreement> step(UUID id, ExpectedVersion expected, boolean versionRequired,
            Function<Agreement, Mono<Outcome>> decide) {
        return useCases.run(() -> get(id).flatMap(agreement -> {
            expected.check(agreement.version(), versionRequired);
            return decide.apply(agreement)
                    .flatMap(outcome -> outcome.changed() ? persist(outcome, agreement) : Mono.just(outcome));
        })).doOnNext(AgreementService::logOutcome).map(Outcome::agreement);
    }

    private Mono<Outcome> persist(Outcome outcome, Agreement read) {
        return agreements.update(outcome.agreement(), read, outcome.agreement().nextDueOn(notices))
                .then(journal.record(outcome)).thenReturn(outcome);
    }

    /** One line per business event, once committed. */
    private static void logOutcome(Outcome outcome) {
        Agreement a = outcome.agreement();
        for (AgreementEvent event : outcome.events()) {
            if (event instanceof AgreementEvent.SignatureRecorded s) {
                log.info("agreement {} signed by {} ({} of {})", a.id(), s.signature().party(), s.signatureCount(),
                        s.partyCount());
            } else if (event instanceof AgreementEvent.PartyAcceded p) {
                log.info("agreement {} acceded to by {} ({} parties)", a.id(), p.signature().party(), p.partyCount());
            } else {
                log.info("agreement {} {} (version {})", a.id(), event.name(), a.version());
            }
        }
    }

    /** Now, to the millisecond: what both databases and the JSON of events keep exactly. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
