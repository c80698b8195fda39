package org.concord.agreements.agreement.application;

import org.concord.agreements.agreement.domain.AgreementRefusals.AgreementNotFound;

import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementEvent;
import org.concord.agreements.agreement.domain.AgreementRefusals;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
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

    public AgreementService(AgreementRepository agreements, KnownRegions regions, AgreementJournal journal,
            UseCases useCases, JsonMapper json, Clock clock) {
        this.agreements = agreements;
        this.regions = regions;
        this.journal = journal;
        this.useCases = useCases;
        this.json = json;
        this.clock = clock;
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

    public Mono<Agreement> draft(AgreementText text) {
        UUID id = UUID.randomUUID();
        return useCases.run(() -> regions.directoryFor(text.parties())
                .map(directory -> Agreement.draft(id, text, directory, now()))
                .flatMap(outcome -> agreements.insert(outcome.agreement()).then(journal.record(outcome)).thenReturn(outcome)))
                .doOnNext(AgreementService::logOutcome)
                .map(Outcome::agreement);
    }

    /** Replaces the draft's text with {@code change} applied to it (the expected version is required). */
    public Mono<Agreement> amend(UUID id, ExpectedVersion expected, UnaryOperator<AgreementText> change) {
        return step(id, expected, true, agreement -> {
            AgreementText newText = change.apply(agreement.text());
            return regions.directoryFor(newText.parties())
                    .map(directory -> agreement.amend(newText, directory, now()));
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
        return step(id, expected, false, agreement -> Mono.zip(regions.directoryFor(List.of(region)), regions.signingKeys())
                .map(known -> agreement.sign(region, signatory, contentHash, jws, known.getT2(), known.getT1(), now())));
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

    /** Expires every signed agreement whose term ended before {@code today}; the number expired. */
    public Mono<Long> expireDue(LocalDate today) {
        return agreements.dueToExpire(today).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> useCases.run(() -> agreements.find(id)
                        .filter(agreement -> agreement.isDueToExpire(today))
                        .flatMap(agreement -> persist(agreement.expire(today, now()), agreement.version())))
                        .doOnNext(AgreementService::logOutcome))
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
                    .flatMap(outcome -> outcome.changed() ? persist(outcome, agreement.version()) : Mono.just(outcome));
        })).doOnNext(AgreementService::logOutcome).map(Outcome::agreement);
    }

    private Mono<Outcome> persist(Outcome outcome, long readVersion) {
        return agreements.update(outcome.agreement(), readVersion).then(journal.record(outcome)).thenReturn(outcome);
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
