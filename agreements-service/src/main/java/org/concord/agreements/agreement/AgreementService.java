package org.concord.agreements.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.concord.agreements.agreement.AgreementRefusals.AgreementNotFound;
import org.concord.agreements.agreement.AgreementRepository.HistoryEntry;
import org.concord.agreements.region.RegionReplica;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxEvent;
import org.concord.platform.persistence.Transactions;
import org.concord.platform.web.ETags;
import org.concord.platform.web.Page;
import org.concord.platform.web.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agreement use cases. Each one is a single transaction (see {@link Transactions}): read the agreement,
 * let it decide ({@link Agreement}), write its new state (optimistic version check), append an audit entry per
 * event and the published events to the outbox, commit. A use case that lost a race with a concurrent change
 * runs again from a fresh read.
 */
@Service
public class AgreementService {

    private static final Logger log = LoggerFactory.getLogger(AgreementService.class);

    private final AgreementRepository agreements;
    private final RegionReplica regions;
    private final Outbox outbox;
    private final ConcordTopics topics;
    private final Transactions transactions;
    private final JsonMapper json;
    private final Clock clock;

    public AgreementService(AgreementRepository agreements, RegionReplica regions, Outbox outbox,
            ConcordTopics topics, Transactions transactions, JsonMapper json, Clock clock) {
        this.agreements = agreements;
        this.regions = regions;
        this.outbox = outbox;
        this.topics = topics;
        this.transactions = transactions;
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

    /** The audit trail, oldest first. */
    public Mono<List<HistoryEntry>> history(UUID id) {
        return get(id).then(agreements.history(id).collectList());
    }

    // ---- changing ------------------------------------------------------------------------------------------

    public Mono<Agreement> draft(AgreementText text) {
        UUID id = UUID.randomUUID();
        return transactions.run(() -> regions.directoryFor(text.parties())
                .map(directory -> Agreement.draft(id, text, directory, now()))
                .flatMap(outcome -> agreements.insert(outcome.agreement()).then(record(outcome))))
                .doOnNext(AgreementService::logOutcome)
                .map(Outcome::agreement);
    }

    /** Replaces the draft's text with {@code change} applied to it (If-Match required). */
    public Mono<Agreement> amend(UUID id, String ifMatch, UnaryOperator<AgreementText> change) {
        return step(id, ifMatch, true, agreement -> {
            AgreementText newText = change.apply(agreement.text());
            return regions.directoryFor(newText.parties())
                    .map(directory -> agreement.amend(newText, directory, now()));
        });
    }

    public Mono<Agreement> open(UUID id, String ifMatch) {
        return step(id, ifMatch, false, agreement -> regions.directoryFor(agreement.text().parties())
                .map(directory -> agreement.open(directory, now())));
    }

    /**
     * A party signs, or (agreement SIGNED) a region accedes. A signer acting for another region is refused, and
     * the refused attempt goes into the audit trail.
     */
    public Mono<Agreement> sign(UUID id, String ifMatch, Signer signer, RegionCode region, Signatory signatory,
            ContentHash contentHash) {
        if (!signer.mayActFor(region)) {
            return refuseSigner(id, signer, region);
        }
        return step(id, ifMatch, false, agreement -> regions.directoryFor(List.of(region))
                .map(directory -> agreement.sign(region, signatory, contentHash, directory, now())));
    }

    private Mono<Agreement> refuseSigner(UUID id, Signer signer, RegionCode region) {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("party", region.value());
        details.put("signer", signer.subject());
        details.put("actsFor", signer.actsFor() == null ? null : signer.actsFor().value());
        return get(id)
                .flatMap(agreement -> agreements.appendHistory(id, agreement.version(), "signature-refused", now(), null,
                        json.writeValueAsString(details)))
                .doOnSuccess(done -> log.warn("agreement {}: {} (acting for {}) refused to sign for {}", id,
                        signer.subject(), signer.actsFor(), region))
                .then(Mono.error(new AgreementRefusals.SignerNotEntitled(id, signer, region)));
    }

    public Mono<Agreement> withdraw(UUID id, String ifMatch, String reason) {
        return step(id, ifMatch, false, agreement -> Mono.fromSupplier(() -> agreement.withdraw(reason, now())));
    }

    public Mono<Agreement> terminate(UUID id, String ifMatch, String reason) {
        return step(id, ifMatch, false, agreement -> Mono.fromSupplier(() -> agreement.terminate(reason, now())));
    }

    /** Expires every signed agreement whose term ended before {@code today}; the number expired. */
    public Mono<Long> expireDue(LocalDate today) {
        return agreements.dueToExpire(today).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> transactions.run(() -> agreements.find(id)
                        .filter(agreement -> agreement.isDueToExpire(today))
                        .flatMap(agreement -> persist(agreement.expire(today, now()), agreement.version())))
                        .doOnNext(AgreementService::logOutcome))
                .count();
    }

    // ---- one step of an agreement's life, as one transaction -------------------------------------------------

    /**
     * Reads the agreement, checks If-Match ({@code ifMatchRequired}, or whenever one is sent), lets {@code decide}
     * apply one step of the agreement's life (reading from the region replica what it needs), and persists the
     * outcome, all in one transaction; logs what happened once committed.
     */
    private Mono<Agreement> step(UUID id, String ifMatch, boolean ifMatchRequired,
            Function<Agreement, Mono<Outcome>> decide) {
        return transactions.run(() -> get(id).flatMap(agreement -> {
            if (ifMatchRequired || ifMatch != null) {
                ETags.requireMatch(ifMatch, agreement.version());
            }
            return decide.apply(agreement)
                    .flatMap(outcome -> outcome.changed() ? persist(outcome, agreement.version()) : Mono.just(outcome));
        })).doOnNext(AgreementService::logOutcome).map(Outcome::agreement);
    }

    private Mono<Outcome> persist(Outcome outcome, long readVersion) {
        return agreements.update(outcome.agreement(), readVersion).then(record(outcome));
    }

    /** Appends the outcome's events to the audit trail and, those of the contract, to the outbox. */
    private Mono<Outcome> record(Outcome outcome) {
        Agreement after = outcome.agreement();
        return Flux.fromIterable(outcome.events())
                .concatMap(event -> {
                    String name = AgreementEventContract.name(event);
                    String details = json.writeValueAsString(AgreementEventContract.details(event));
                    if (!AgreementEventContract.isPublished(event)) {
                        return agreements.appendHistory(after.id(), after.version(), name, event.at(), null, details);
                    }
                    String key = after.id().toString();
                    var published = new OutboxEvent(UUID.randomUUID().toString(), topics.agreements(), key,
                            AgreementEventContract.ceType(event), key, event.at(),
                            AgreementEventContract.data(after, event));
                    return agreements.appendHistory(after.id(), after.version(), name, event.at(), published.id(), details)
                            .then(outbox.append(published));
                })
                .then(Mono.just(outcome));
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
                log.info("agreement {} {} (version {})", a.id(), AgreementEventContract.name(event), a.version());
            }
        }
    }

    /** Now, to the millisecond: what both databases and the JSON of events keep exactly. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
