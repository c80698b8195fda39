package org.concord.agreements.agreement.domain;

import static org.concord.agreements.agreement.domain.AgreementStatus.DRAFT;
import static org.concord.agreements.agreement.domain.AgreementStatus.EXPIRED;
import static org.concord.agreements.agreement.domain.AgreementStatus.IN_FORCE;
import static org.concord.agreements.agreement.domain.AgreementStatus.OPEN;
import static org.concord.agreements.agreement.domain.AgreementStatus.SIGNED;
import static org.concord.agreements.agreement.domain.AgreementStatus.TERMINATED;
import static org.concord.agreements.agreement.domain.AgreementStatus.WITHDRAWN;
import org.concord.agreements.agreement.domain.AgreementEvent.Amended;
import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentAdopted;
import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentOpened;
import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentSigned;
import org.concord.agreements.agreement.domain.AgreementEvent.Drafted;
import org.concord.agreements.agreement.domain.AgreementEvent.EnteredIntoForce;
import org.concord.agreements.agreement.domain.AgreementEvent.Expired;
import org.concord.agreements.agreement.domain.AgreementEvent.Opened;
import org.concord.agreements.agreement.domain.AgreementEvent.PartyAcceded;
import org.concord.agreements.agreement.domain.AgreementEvent.PartyWithdrawn;
import org.concord.agreements.agreement.domain.AgreementEvent.RenewalObjected;
import org.concord.agreements.agreement.domain.AgreementEvent.Renewed;
import org.concord.agreements.agreement.domain.AgreementEvent.SignatureRecorded;
import org.concord.agreements.agreement.domain.AgreementEvent.Signed;
import org.concord.agreements.agreement.domain.AgreementEvent.TermEnding;
import org.concord.agreements.agreement.domain.AgreementEvent.Terminated;
import org.concord.agreements.agreement.domain.AgreementEvent.Terminated.Cause;
import org.concord.agreements.agreement.domain.AgreementEvent.WithdrawalNotified;
import org.concord.agreements.agreement.domain.AgreementEvent.Withdrawn;
import org.concord.agreements.agreement.domain.AgreementRefusals.AlreadySigned;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentAlreadyOpen;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentAlreadySigned;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentChangesNothing;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentChangesParties;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentNotOpen;
import org.concord.agreements.agreement.domain.AgreementRefusals.ContentHashMismatch;
import org.concord.agreements.agreement.domain.AgreementRefusals.IneligibleRegions;
import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;
import org.concord.agreements.agreement.domain.AgreementRefusals.NoRenewalToObjectTo;
import org.concord.agreements.agreement.domain.AgreementRefusals.NotAParty;
import org.concord.agreements.agreement.domain.AgreementRefusals.NotAPartyInForce;
import org.concord.agreements.agreement.domain.AgreementRefusals.ObjectionDeadlinePassed;
import org.concord.agreements.agreement.domain.AgreementRefusals.TransitionNotAllowed;
import org.concord.agreements.agreement.domain.AgreementRefusals.WithdrawalAlreadyNotified;
import org.concord.agreements.agreement.domain.EntryIntoForce.Rule;
import org.concord.agreements.agreement.domain.RegionDirectory.Standing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;


/**
 * An agreement between regions (a memorandum of understanding) and every rule of its life, in one place.
 *
 * <ul>
 * <li><b>draft</b>: a new agreement starts as a DRAFT; every party must be a known, active region; its
 *     {@link Provisions} (entry into force, quorum, withdrawal notice, renewal) must fit its text.</li>
 * <li><b>amend</b>: only a DRAFT's text and provisions change (parties checked again).</li>
 * <li><b>open</b>: DRAFT → OPEN; freezes the text and fixes its {@link ContentHash} (parties checked again).</li>
 * <li><b>sign</b>: a party signs once, naming the content hash; the last party's signature concludes the agreement
 *     (signed). What a signature does depends on the {@link EntryIntoForce} rule: ALL_SIGNATURES, the last one puts
 *     it in force at once (IN_FORCE); ON_DATE, the last one concludes it (SIGNED), and it enters into force on its
 *     date (at once if that has come); QUORUM, the nth puts it in force and the other parties may still sign;
 *     ON_OWN_SIGNATURE, each signature puts it in force for its party (the first one for the agreement as a
 *     whole).</li>
 * <li><b>accede</b>: a region that is not a party signs a SIGNED or IN_FORCE agreement and becomes a party.</li>
 * <li><b>withdraw</b>: DRAFT or OPEN → WITHDRAWN, with a reason.</li>
 * <li><b>notify withdrawal</b>: a party in force gives notice; it leaves the agreement once the notice period has
 *     run ({@link #advance}). Fewer parties in force than the quorum: TERMINATED (QUORUM_LOST).</li>
 * <li><b>open / sign an amendment</b>: IN_FORCE, one at a time; every party in force signs the new text's content
 *     hash; the last signature adopts it (the text, its content hash and text version change).</li>
 * <li><b>terminate</b>: SIGNED or IN_FORCE → TERMINATED (DECISION), with a reason.</li>
 * <li><b>advance</b>: what time brings on a day: entry into force on its date, withdrawals taking effect, the
 *     term-ending notices, then at the end of the term an automatic renewal (unless a party objected in time)
 *     or expiry (EXPIRED).</li>
 * </ul>
 * Every step that changes the agreement raises its events (see {@link Outcome}) and adds one to the version, however
 * many moves it makes (a last signature that concludes the agreement and puts it in force is one step: every event
 * shows the agreement as the step left it). The aggregate is immutable.
 *
 * @param contentHash      null until the agreement is opened, then the current text's
 * @param version          1 for a new draft, one more for every move that changed it
 * @param endReason        why it was withdrawn or terminated; null otherwise
 * @param inForceSince     the day the agreement as a whole entered into force
 * @param textVersion      1 for the text as opened, one more per adopted amendment
 * @param openAmendment    the amendment open for signature, if any
 * @param textAsOpened     the text as it was opened and signed, once an amendment replaced it (null before)
 * @param termEndsOn       the current term's last day (the text's {@code term.until}, moved by each renewal)
 * @param termNoticeSent   the last term-ending notice sent for the current term (days before its end), if any
 * @param renewalObjection the objection to the automatic renewal of the current term, if any
 */
public record Agreement(
        UUID id,
        AgreementStatus status,
        AgreementText text,
        List<Party> parties,
        ContentHash contentHash,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant openedAt,
        Instant concludedAt,
        Instant endedAt,
        String endReason,
        Provisions provisions,
        LocalDate inForceSince,
        int textVersion,
        Amendment openAmendment,
        AgreementText textAsOpened,
        LocalDate termEndsOn,
        Integer termNoticeSent,
        RenewalObjection renewalObjection) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provisions, "provisions");
        parties = List.copyOf(parties);
        if ((openedAt == null) != (contentHash == null)) {
            throw new IllegalArgumentException("an agreement has a content hash exactly when it has been opened");
        }
    }

    // ---- draft --------------------------------------------------------------------------------------------

    /** A new draft with the default provisions. */
    public static Outcome draft(UUID id, AgreementText text, RegionDirectory regions, Instant now) {
        return draft(id, text, Provisions.DEFAULTS, regions, now);
    }

    /** A new draft. */
    public static Outcome draft(UUID id, AgreementText text, Provisions provisions, RegionDirectory regions, Instant now) {
        provisions.checkAgainst(text);
        requireEligible(text.parties(), regions);
        var draft = new Agreement(id, DRAFT, text, Party.unsigned(text.parties()), null, 1, now, now,
                null, null, null, null, provisions, null, 1, null, null, text.term().until(), null, null);
        return Outcome.of(draft, new Drafted(now));
    }

    /** Replaces the text of a draft, keeping its provisions. */
    public Outcome amend(AgreementText newText, RegionDirectory regions, Instant now) {
        return amend(newText, provisions, regions, now);
    }

    /** Replaces the text and provisions of a draft. Equal to the current ones: nothing changes. */
    public Outcome amend(AgreementText newText, Provisions newProvisions, RegionDirectory regions, Instant now) {
        requireStatus("amend", "a DRAFT can be amended", DRAFT);
        List<String> changed = new ArrayList<>(text.fieldsChangedIn(newText));
        if (!provisions.equals(newProvisions)) {
            changed.add("provisions");
        }
        if (changed.isEmpty()) {
            return Outcome.unchanged(this);
        }
        newProvisions.checkAgainst(newText);
        requireEligible(newText.parties(), regions);
        var amended = next(now, a -> a.text = newText).with(a -> {
            a.parties = Party.unsigned(newText.parties());
            a.provisions = newProvisions;
            a.termEndsOn = newText.term().until();
        });
        return Outcome.of(amended, new Amended(changed, now));
    }

    // ---- open -------------------------------------------------------------------------------------------

    /** Opens the draft for signature: freezes its text and fixes the content hash every signature names. */
    public Outcome open(RegionDirectory regions, Instant now) {
        requireStatus("open", "a DRAFT can be opened", DRAFT);
        requireEligible(text.parties(), regions);
        ContentHash hash = ContentHash.of(text);
        var opened = next(now, a -> {
            a.status = OPEN;
            a.contentHash = hash;
            a.openedAt = now;
        });
        return Outcome.of(opened, new Opened(hash, now));
    }

    // ---- sign -------------------------------------------------------------------------------------------

    /**
     * {@code region} signs the text with content hash {@code named}: a party signing (an OPEN agreement, or one in
     * force under QUORUM or ON_OWN_SIGNATURE that it has not signed yet), or a new region acceding to a SIGNED or
     * IN_FORCE one.
     */
    public Outcome sign(RegionCode region, Signatory signatory, ContentHash named, String jws, SigningKeys keys,
            RegionDirectory regions, Instant now) {
        requireStatus("sign", "an OPEN agreement can be signed by its parties, and a SIGNED or IN_FORCE one acceded to",
                OPEN, SIGNED, IN_FORCE);
        Optional<Party> party = partyOf(region);
        if (status == OPEN) {
            Party signer = party.orElseThrow(() -> new NotAParty(id, region, regionsOf(parties)));
            return recordSignature(signer, signatory, named, jws, keys, now);
        }
        if (party.isPresent()) {
            if (status == IN_FORCE && !party.get().signed()) {
                return recordSignature(party.get(), signatory, named, jws, keys, now);
            }
            throw new AlreadySigned(id, region);
        }
        return accede(region, signatory, named, jws, keys, regions, now);
    }

    private Outcome recordSignature(Party signer, Signatory signatory, ContentHash named, String jws, SigningKeys keys,
            Instant now) {
        if (signer.signed()) {
            throw new AlreadySigned(id, signer.region());
        }
        requireContentHash(named);
        var evidence = SignatureEvidence.check(jws, keys, id, contentHash, signer.region());
        var signature = new Signature(signer.region(), signatory, now, contentHash, evidence);
        LocalDate today = day(now);
        List<Party> signedParties = replace(signer.region(),
                p -> status == IN_FORCE && provisions.entryIntoForce().rule() == Rule.QUORUM
                        ? p.signedWith(signature).inForceFrom(today) : p.signedWith(signature));
        int signatureCount = (int) signedParties.stream().filter(Party::signed).count();
        boolean everyPartySigned = signatureCount == signedParties.size();
        int partyCount = (int) signedParties.stream().filter(p -> p.withdrawnOn() == null).count();
        var signedByOneMore = next(now, a -> {
            a.parties = signedParties;
            if (everyPartySigned) {
                a.concludedAt = now;
                a.status = status == OPEN ? SIGNED : status;
            }
        });
        Outcome outcome = Outcome.of(signedByOneMore, new SignatureRecorded(signature, signatureCount, partyCount));
        if (everyPartySigned) {
            outcome = outcome.then(Outcome.of(signedByOneMore, new Signed(now, partyCount)));
        }
        return asOneStep(outcome.then(signedByOneMore.entryOnSignature(signer.region(), signatureCount, today, now)));
    }

    /** What a signature brings under the agreement's entry-into-force rule, once it is recorded. */
    private Outcome entryOnSignature(RegionCode signer, int signatureCount, LocalDate today, Instant now) {
        EntryIntoForce rule = provisions.entryIntoForce();
        if (status == SIGNED && !entryDueOn().isAfter(today)) {
            return enterIntoForce(entryDueOn(), null, now);
        }
        if (rule.rule() == Rule.ON_OWN_SIGNATURE) {
            return enterIntoForce(today, signer, now);
        }
        if (rule.rule() == Rule.QUORUM && status != IN_FORCE && signatureCount >= rule.quorum()) {
            return enterIntoForce(today, null, now);
        }
        return Outcome.unchanged(this);
    }

    private Outcome accede(RegionCode region, Signatory signatory, ContentHash named, String jws, SigningKeys keys,
            RegionDirectory regions, Instant now) {
        requireContentHash(named);
        requireEligible(List.of(region), regions);
        var evidence = SignatureEvidence.check(jws, keys, id, contentHash, region);
        var signature = new Signature(region, signatory, now, contentHash, evidence);
        var grown = new ArrayList<>(parties);
        grown.add(new Party(region, signature, true, status == IN_FORCE ? day(now) : null, null, null));
        var acceded = next(now, a -> a.parties = grown);
        return Outcome.of(acceded, new PartyAcceded(signature, (int) grown.stream().filter(p -> p.withdrawnOn() == null)
                .count()));
    }

    // ---- entry into force -------------------------------------------------------------------------------------

    /**
     * The move into force on {@code effectiveOn}: of the agreement as a whole, or (ON_OWN_SIGNATURE) of
     * {@code party}'s part, the agreement as a whole with its first party.
     */
    private Outcome enterIntoForce(LocalDate effectiveOn, RegionCode party, Instant now) {
        var inForce = next(now, a -> {
            a.status = IN_FORCE;
            a.inForceSince = inForceSince != null ? inForceSince : effectiveOn;
            a.parties = party == null ? parties.stream().map(p -> p.inForceFrom(effectiveOn)).toList()
                    : replaceIn(parties, party, p -> p.inForceFrom(effectiveOn));
        });
        return Outcome.of(inForce, new EnteredIntoForce(effectiveOn, provisions.entryIntoForce().rule(), party, now));
    }

    /** The day a SIGNED agreement enters into force: its ON_DATE date, or its conclusion if that is later. */
    LocalDate entryDueOn() {
        LocalDate concluded = day(concludedAt);
        LocalDate date = provisions.entryIntoForce().date();
        return date != null && date.isAfter(concluded) ? date : concluded;
    }

    // ---- a party's withdrawal -----------------------------------------------------------------------------------

    /**
     * {@code region}, a party in force, gives notice that it leaves the agreement; it does on the notice date plus
     * the agreement's notice period, when {@link #advance} reaches that day (for a period of 0, at the schedule's next
     * check: the notice and its effect are two steps, each with its own event and snapshot).
     */
    public Outcome notifyWithdrawal(RegionCode region, String reason, Instant now) {
        requireStatus("give notice of withdrawal from", "an agreement IN_FORCE can be left by its parties", IN_FORCE);
        Party party = requirePartyInForce(region, "give notice of withdrawal");
        if (party.withdrawal() != null) {
            throw new WithdrawalAlreadyNotified(id, party.withdrawal(), region);
        }
        String why = requireReason(reason);
        LocalDate today = day(now);
        var notice = new Withdrawal(now, today.plusDays(provisions.withdrawalNoticeDays()), why);
        var notified = next(now, a -> a.parties = replace(region, p -> p.notifying(notice)));
        return Outcome.of(notified, new WithdrawalNotified(region, why, notice.effectiveOn(), now));
    }

    /** The withdrawals whose notice has run by {@code today} take effect, in the order of the parties. */
    private Outcome withdrawalsDue(LocalDate today, Instant now) {
        Outcome outcome = Outcome.unchanged(this);
        for (Party party : parties) {
            Agreement current = outcome.agreement();
            if (current.status == IN_FORCE && party.withdrawal() != null && party.withdrawnOn() == null
                    && !party.withdrawal().effectiveOn().isAfter(today)) {
                outcome = outcome.then(current.withdraw(party.region(), party.withdrawal().effectiveOn(), now));
            }
        }
        return outcome;
    }

    private Outcome withdraw(RegionCode region, LocalDate effectiveOn, Instant now) {
        var left = next(now, a -> a.parties = replace(region, p -> p.withdrawnOn(effectiveOn)));
        int remaining = left.partiesInForce().size();
        Outcome outcome = Outcome.of(left, new PartyWithdrawn(region, effectiveOn, remaining, now));
        if (remaining < provisions.quorum()) {
            String why = "fewer parties in force (" + remaining + ") than the quorum of " + provisions.quorum()
                    + " once " + region + " withdrew";
            return outcome.then(left.end(TERMINATED, why, Cause.QUORUM_LOST, now));
        }
        return left.openAmendment != null && left.openAmendment.signedByAll(left.partiesInForce())
                ? outcome.then(left.adopt(now)) : outcome;
    }

    // ---- amendments by protocol ---------------------------------------------------------------------------------

    /** Opens a new version of the text for signature by the parties in force. */
    public Outcome openAmendment(AgreementText newText, Instant now) {
        requireStatus("amend", "an agreement IN_FORCE is amended by protocol (a DRAFT is changed directly)", IN_FORCE);
        if (openAmendment != null) {
            throw new AmendmentAlreadyOpen(id, openAmendment.number());
        }
        if (!newText.parties().equals(text.parties()) || !newText.convener().equals(text.convener())) {
            throw new AmendmentChangesParties(id);
        }
        if (text.fieldsChangedIn(newText).isEmpty()) {
            throw new AmendmentChangesNothing(id);
        }
        var amendment = new Amendment(textVersion, newText, ContentHash.of(newText), contentHash, now,
                partiesInForce(), List.of());
        var opened = next(now, a -> a.openAmendment = amendment);
        return Outcome.of(opened, new AmendmentOpened(amendment, now));
    }

    /** A party in force signs the open amendment {@code number}; the last signature adopts it. */
    public Outcome signAmendment(int number, RegionCode region, Signatory signatory, ContentHash named, String jws,
            SigningKeys keys, Instant now) {
        requireStatus("sign an amendment of", "an agreement IN_FORCE has amendments to sign", IN_FORCE);
        if (openAmendment == null || openAmendment.number() != number) {
            throw new AmendmentNotOpen(id, number, openAmendment);
        }
        requirePartyInForce(region, "sign amendment " + number);
        if (openAmendment.signedBy(region)) {
            throw new AmendmentAlreadySigned(id, number, region);
        }
        if (named == null) {
            throw new InvalidValue("a signature must name the content hash of the text it signs");
        }
        if (!named.equals(openAmendment.contentHash())) {
            throw new ContentHashMismatch(id, named, openAmendment.contentHash());
        }
        var evidence = SignatureEvidence.check(jws, keys, id, openAmendment.contentHash(), region);
        var signature = new Signature(region, signatory, now, openAmendment.contentHash(), evidence);
        Amendment signed = openAmendment.with(signature);
        var signedByOneMore = next(now, a -> a.openAmendment = signed);
        int partyCount = (int) parties.stream().filter(p -> p.withdrawnOn() == null).count();
        Outcome outcome = Outcome.of(signedByOneMore,
                new AmendmentSigned(number, signed.contentHash(), signature, signed.signatures().size(), partyCount));
        return signed.signedByAll(partiesInForce()) ? asOneStep(outcome.then(signedByOneMore.adopt(now))) : outcome;
    }

    private Outcome adopt(Instant now) {
        Amendment adopted = openAmendment;
        boolean termChanged = !adopted.text().term().equals(text.term());
        var amended = next(now, a -> {
            a.text = adopted.text();
            a.contentHash = adopted.contentHash();
            a.textVersion = textVersion + 1;
            a.openAmendment = null;
            a.textAsOpened = textAsOpened != null ? textAsOpened : text;
            if (termChanged) {
                a.termEndsOn = adopted.text().term().until();
                a.termNoticeSent = null;
            }
        });
        return Outcome.of(amended, new AmendmentAdopted(adopted.number(), adopted.contentHash(),
                adopted.previousContentHash(), textVersion + 1, now));
    }

    // ---- term and renewal --------------------------------------------------------------------------------------

    /** A party in force objects to the automatic renewal of the current term, on or before the deadline. */
    public Outcome objectToRenewal(RegionCode region, String reason, Instant now) {
        requireStatus("object to the renewal of", "an agreement IN_FORCE renews", IN_FORCE);
        requirePartyInForce(region, "object to its renewal");
        if (!provisions.automaticRenewal()) {
            throw new NoRenewalToObjectTo(id, "its provisions do not renew it");
        }
        if (renewalObjection != null) {
            throw new NoRenewalToObjectTo(id, renewalObjection.party() + " has objected already");
        }
        if (day(now).isAfter(objectionDeadline())) {
            throw new ObjectionDeadlinePassed(id, objectionDeadline());
        }
        String why = requireReason(reason);
        var objected = next(now, a -> a.renewalObjection = new RenewalObjection(region, why, now));
        return Outcome.of(objected, new RenewalObjected(region, why, now));
    }

    /** The last day a party may object to the automatic renewal of the current term (null: it does not renew). */
    public LocalDate objectionDeadline() {
        return provisions.automaticRenewal() && termEndsOn != null
                ? termEndsOn.minusDays(provisions.renewalObjectionDays()) : null;
    }

    // ---- what time brings ----------------------------------------------------------------------------------------

    /**
     * Everything due by {@code today}, in order: entry into force on its date, withdrawals taking effect, the
     * term-ending notice, then at the end of the term the renewal (automatic, not objected to) or expiry.
     * Nothing due: unchanged.
     */
    public Outcome advance(LocalDate today, TermNotices notices, Instant now) {
        Outcome outcome = Outcome.unchanged(this);
        if (status == SIGNED && !entryDueOn().isAfter(today)) {
            outcome = outcome.then(enterIntoForce(entryDueOn(), null, now));
        }
        outcome = outcome.then(outcome.agreement().withdrawalsDue(today, now));
        return asOneStep(outcome.then(outcome.agreement().termDue(today, notices, now)));
    }

    private Outcome termDue(LocalDate today, TermNotices notices, Instant now) {
        if ((status != IN_FORCE && status != SIGNED) || termEndsOn == null) {
            return Outcome.unchanged(this);
        }
        if (today.isAfter(termEndsOn)) {
            if (status == IN_FORCE && provisions.automaticRenewal() && renewalObjection == null) {
                Outcome renewed = renew(now);
                return renewed.then(renewed.agreement().termDue(today, notices, now));
            }
            return expire(today, now);
        }
        if (status != IN_FORCE) {
            return Outcome.unchanged(this);
        }
        long daysLeft = ChronoUnit.DAYS.between(today, termEndsOn);
        return notices.due(daysLeft, termNoticeSent).map(threshold -> {
            var noticed = next(now, a -> a.termNoticeSent = threshold);
            return Outcome.of(noticed, new TermEnding(termEndsOn, threshold, provisions.automaticRenewal(),
                    objectionDeadline(), now));
        }).orElseGet(() -> Outcome.unchanged(this));
    }

    private Outcome renew(Instant now) {
        Term term = text.term();
        Period length = Period.between(term.effectiveFrom(), term.until().plusDays(1));
        LocalDate newEnd = termEndsOn.plusDays(1).plus(length).minusDays(1);
        var renewed = next(now, a -> {
            a.termEndsOn = newEnd;
            a.termNoticeSent = null;
            a.renewalObjection = null;
        });
        return Outcome.of(renewed, new Renewed(termEndsOn, newEnd, now));
    }

    /** Whether {@link #expire} applies on {@code today}: an agreement whose term has ended. */
    public boolean isDueToExpire(LocalDate today) {
        return (status == SIGNED || status == IN_FORCE) && termEndsOn != null && today.isAfter(termEndsOn);
    }

    /** Marks an agreement whose term ended before {@code today} as EXPIRED. */
    public Outcome expire(LocalDate today, Instant now) {
        requireStatus("expire", "a SIGNED or IN_FORCE agreement can expire", SIGNED, IN_FORCE);
        if (!isDueToExpire(today)) {
            throw new TransitionNotAllowed(id, status, "expire", "an agreement whose term ended before "
                    + today + " expires (its term runs until " + termEndsOn + ")");
        }
        var expired = next(now, a -> {
            a.status = EXPIRED;
            a.endedAt = now;
        });
        return Outcome.of(expired, new Expired(termEndsOn.plusDays(1), now));
    }

    /**
     * The first day something is due ({@link #advance}), so that a scheduler need not read every agreement: the
     * entry into force of a SIGNED agreement, a withdrawal taking effect, the next term-ending notice, the day after
     * the term. Null when nothing ever will be.
     */
    public LocalDate nextDueOn(TermNotices notices) {
        if (status != SIGNED && status != IN_FORCE) {
            return null;
        }
        Stream<LocalDate> due = Stream.of(termEndsOn == null ? null : termEndsOn.plusDays(1));
        if (status == SIGNED) {
            due = Stream.concat(due, Stream.of(entryDueOn()));
        } else {
            due = Stream.concat(due, parties.stream()
                    .filter(p -> p.withdrawal() != null && p.withdrawnOn() == null)
                    .map(p -> p.withdrawal().effectiveOn()));
            if (termEndsOn != null) {
                due = Stream.concat(due, notices.next(termNoticeSent).map(termEndsOn::minusDays).stream());
            }
        }
        return due.filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    // ---- end of life --------------------------------------------------------------------------------------

    /** Abandons a draft or an agreement open for signature. */
    public Outcome withdraw(String reason, Instant now) {
        requireStatus("withdraw", "a DRAFT or OPEN agreement can be withdrawn", DRAFT, OPEN);
        String why = requireReason(reason);
        var withdrawn = next(now, a -> {
            a.status = WITHDRAWN;
            a.endedAt = now;
            a.endReason = why;
        });
        return Outcome.of(withdrawn, new Withdrawn(why, now));
    }

    /** Ends a signed agreement (in force or not yet) before its term does. */
    public Outcome terminate(String reason, Instant now) {
        requireStatus("terminate", "a SIGNED or IN_FORCE agreement can be terminated", SIGNED, IN_FORCE);
        return end(TERMINATED, requireReason(reason), Cause.DECISION, now);
    }

    private Outcome end(AgreementStatus ended, String why, Cause cause, Instant now) {
        var terminated = next(now, a -> {
            a.status = ended;
            a.endedAt = now;
            a.endReason = why;
            a.openAmendment = null;
        });
        return Outcome.of(terminated, new Terminated(why, cause, now));
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    public Optional<Party> partyOf(RegionCode region) {
        return parties.stream().filter(p -> p.region().equals(region)).findFirst();
    }

    public int signatureCount() {
        return (int) parties.stream().filter(Party::signed).count();
    }

    /** The parties the agreement is in force for now. */
    public List<RegionCode> partiesInForce() {
        return parties.stream().filter(Party::inForce).map(Party::region).toList();
    }

    // ---- rules shared by the steps -------------------------------------------------------------------------

    private void requireStatus(String action, String allowedWhen, AgreementStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new TransitionNotAllowed(id, status, action, allowedWhen);
        }
    }

    private Party requirePartyInForce(RegionCode region, String action) {
        return partyOf(region).filter(Party::inForce).orElseThrow(() -> new NotAPartyInForce(id, region, action));
    }

    private void requireContentHash(ContentHash named) {
        if (named == null) {
            throw new InvalidValue("a signature must name the content hash of the text it signs");
        }
        if (!named.equals(contentHash)) {
            throw new ContentHashMismatch(id, named, contentHash);
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValue("a reason is required, in words a reader of the audit trail understands");
        }
        return AgreementText.wellFormed(reason.strip(), "reason");
    }

    private static void requireEligible(List<RegionCode> regions, RegionDirectory directory) {
        var unknown = new ArrayList<RegionCode>();
        var deactivated = new ArrayList<RegionCode>();
        for (RegionCode region : regions) {
            Standing standing = directory.standingOf(region);
            if (standing == Standing.UNKNOWN || standing == null) {
                unknown.add(region);
            } else if (standing == Standing.DEACTIVATED) {
                deactivated.add(region);
            }
        }
        if (!unknown.isEmpty() || !deactivated.isEmpty()) {
            throw new IneligibleRegions(unknown, deactivated);
        }
    }

    private static List<RegionCode> regionsOf(List<Party> parties) {
        return parties.stream().map(Party::region).toList();
    }

    private List<Party> replace(RegionCode region, UnaryOperator<Party> change) {
        return replaceIn(parties, region, change);
    }

    private static List<Party> replaceIn(List<Party> parties, RegionCode region, UnaryOperator<Party> change) {
        return parties.stream().map(p -> p.region().equals(region) ? change.apply(p) : p).toList();
    }

    /** The UTC day of an instant: the calendar agreements keep. */
    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    // ---- the next version of this agreement ------------------------------------------------------------------------

    /** This agreement one version on, changed at {@code now} by {@code change}. */
    private Agreement next(Instant now, java.util.function.Consumer<Next> change) {
        var next = new Next(this);
        next.version = version + 1;
        next.updatedAt = now;
        change.accept(next);
        return next.build();
    }

    /**
     * A step made of several moves (a last signature that concludes and puts in force, a notice that takes effect at
     * once...) as one change: one version more than this agreement, and every event showing the agreement as the
     * whole step left it.
     */
    private Outcome asOneStep(Outcome outcome) {
        if (!outcome.changed()) {
            return outcome;
        }
        Agreement after = outcome.agreement().with(a -> a.version = version + 1);
        return new Outcome(after, outcome.events());
    }

    /** The same agreement (same version) with one more change: for a move changing several things at once. */
    private Agreement with(java.util.function.Consumer<Next> change) {
        var next = new Next(this);
        change.accept(next);
        return next.build();
    }

    /** The fields of an agreement while a move changes them. */
    private static final class Next {
        AgreementStatus status;
        AgreementText text;
        List<Party> parties;
        ContentHash contentHash;
        long version;
        Instant updatedAt;
        Instant openedAt;
        Instant concludedAt;
        Instant endedAt;
        String endReason;
        Provisions provisions;
        LocalDate inForceSince;
        int textVersion;
        Amendment openAmendment;
        AgreementText textAsOpened;
        LocalDate termEndsOn;
        Integer termNoticeSent;
        RenewalObjection renewalObjection;
        private final Agreement from;

        Next(Agreement a) {
            from = a;
            status = a.status;
            text = a.text;
            parties = a.parties;
            contentHash = a.contentHash;
            version = a.version;
            updatedAt = a.updatedAt;
            openedAt = a.openedAt;
            concludedAt = a.concludedAt;
            endedAt = a.endedAt;
            endReason = a.endReason;
            provisions = a.provisions;
            inForceSince = a.inForceSince;
            textVersion = a.textVersion;
            openAmendment = a.openAmendment;
            textAsOpened = a.textAsOpened;
            termEndsOn = a.termEndsOn;
            termNoticeSent = a.termNoticeSent;
            renewalObjection = a.renewalObjection;
        }

        Agreement build() {
            return new Agreement(from.id, status, text, parties, contentHash, version, from.createdAt, updatedAt,
                    openedAt, concludedAt, endedAt, endReason, provisions, inForceSince, textVersion, openAmendment,
                    textAsOpened, termEndsOn, termNoticeSent, renewalObjection);
        }
    }
}
