package org.concord.agreements.agreement.domain;

import static org.concord.agreements.agreement.domain.AgreementStatus.DRAFT;
import static org.concord.agreements.agreement.domain.AgreementStatus.EXPIRED;
import static org.concord.agreements.agreement.domain.AgreementStatus.OPEN;
import static org.concord.agreements.agreement.domain.AgreementStatus.SIGNED;
import static org.concord.agreements.agreement.domain.AgreementStatus.TERMINATED;
import static org.concord.agreements.agreement.domain.AgreementStatus.WITHDRAWN;
import org.concord.agreements.agreement.domain.AgreementEvent.Amended;
import org.concord.agreements.agreement.domain.AgreementEvent.Drafted;
import org.concord.agreements.agreement.domain.AgreementEvent.Expired;
import org.concord.agreements.agreement.domain.AgreementEvent.Opened;
import org.concord.agreements.agreement.domain.AgreementEvent.PartyAcceded;
import org.concord.agreements.agreement.domain.AgreementEvent.SignatureRecorded;
import org.concord.agreements.agreement.domain.AgreementEvent.Signed;
import org.concord.agreements.agreement.domain.AgreementEvent.Terminated;
import org.concord.agreements.agreement.domain.AgreementEvent.Withdrawn;
import org.concord.agreements.agreement.domain.AgreementRefusals.AlreadySigned;
import org.concord.agreements.agreement.domain.AgreementRefusals.ContentHashMismatch;
import org.concord.agreements.agreement.domain.AgreementRefusals.IneligibleRegions;
import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;
import org.concord.agreements.agreement.domain.AgreementRefusals.NotAParty;
import org.concord.agreements.agreement.domain.AgreementRefusals.TransitionNotAllowed;
import org.concord.agreements.agreement.domain.RegionDirectory.Standing;


import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;


/**
 * An agreement between regions (a memorandum of understanding) and every rule of its life, in one place.
 *
 * <ul>
 * <li><b>draft</b>: a new agreement starts as a DRAFT; every party must be a known, active region.</li>
 * <li><b>amend</b>: only a DRAFT's text changes (parties checked again).</li>
 * <li><b>open</b>: DRAFT → OPEN; freezes the text and fixes its {@link ContentHash} (parties checked again).</li>
 * <li><b>sign</b>, agreement OPEN: only a party signs, once, naming the content hash; the last signature
 *     concludes the agreement (OPEN → SIGNED) in the same step: signature-recorded, then signed. A region that
 *     registered signing keys signs with a JWS by one of them ({@link SignatureEvidence}).</li>
 * <li><b>sign</b>, agreement SIGNED, by a region that is not a party: accession; the region must be known and
 *     active and name the content hash; it becomes a signed party (party-acceded). A party signing again: 409.</li>
 * <li><b>withdraw</b>: DRAFT or OPEN → WITHDRAWN, with a reason.</li>
 * <li><b>terminate</b>: SIGNED → TERMINATED, with a reason.</li>
 * <li><b>expire</b>: SIGNED → EXPIRED once the term's end date has passed.</li>
 * </ul>
 * Every step that changes the agreement raises its events (see {@link Outcome}) and adds one to the version.
 * The aggregate is immutable: a step returns the agreement as it is afterwards.
 *
 * @param contentHash null until the agreement is opened (a draft, or a draft withdrawn), fixed from then on
 * @param version     1 for a new draft, one more for every step that changed it
 * @param endReason   why it was withdrawn or terminated; null otherwise
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
        String endReason) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        parties = List.copyOf(parties);
        if ((openedAt == null) != (contentHash == null)) {
            throw new IllegalArgumentException("an agreement has a content hash exactly when it has been opened");
        }
    }

    // ---- draft --------------------------------------------------------------------------------------------

    /** A new draft. */
    public static Outcome draft(UUID id, AgreementText text, RegionDirectory regions, Instant now) {
        requireEligible(text.parties(), regions);
        var draft = new Agreement(id, DRAFT, text, Party.unsigned(text.parties()), null, 1, now, now,
                null, null, null, null);
        return Outcome.of(draft, new Drafted(now));
    }

    /** Replaces the text of a draft. A text equal to the current one changes nothing. */
    public Outcome amend(AgreementText newText, RegionDirectory regions, Instant now) {
        requireStatus("amend", "a DRAFT can be amended", DRAFT);
        List<String> changed = text.fieldsChangedIn(newText);
        if (changed.isEmpty()) {
            return Outcome.unchanged(this);
        }
        requireEligible(newText.parties(), regions);
        var amended = new Agreement(id, DRAFT, newText, Party.unsigned(newText.parties()), null, version + 1,
                createdAt, now, null, null, null, null);
        return Outcome.of(amended, new Amended(changed, now));
    }

    // ---- open -------------------------------------------------------------------------------------------

    /** Opens the draft for signature: freezes its text and fixes the content hash every signature names. */
    public Outcome open(RegionDirectory regions, Instant now) {
        requireStatus("open", "a DRAFT can be opened", DRAFT);
        requireEligible(text.parties(), regions);
        ContentHash hash = ContentHash.of(text);
        var opened = new Agreement(id, OPEN, text, parties, hash, version + 1, createdAt, now, now,
                null, null, null);
        return Outcome.of(opened, new Opened(hash, now));
    }

    // ---- sign -------------------------------------------------------------------------------------------

    /**
     * {@code region} signs the text with content hash {@code named}: a party signing an OPEN agreement, or a
     * new region acceding to a SIGNED one.
     */
    public Outcome sign(RegionCode region, Signatory signatory, ContentHash named, String jws, SigningKeys keys,
            RegionDirectory regions, Instant now) {
        requireStatus("sign", "an OPEN agreement can be signed by its parties, and a SIGNED one acceded to", OPEN, SIGNED);
        Optional<Party> party = partyOf(region);
        if (status == OPEN) {
            Party signer = party.orElseThrow(() -> new NotAParty(id, region, regionsOf(parties)));
            return recordSignature(signer, signatory, named, jws, keys, now);
        }
        if (party.isPresent()) {
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
        List<Party> signedParties = parties.stream()
                .map(p -> p.region().equals(signer.region()) ? p.signedWith(signature) : p)
                .toList();
        int signatureCount = (int) signedParties.stream().filter(Party::signed).count();
        var recorded = new SignatureRecorded(signature, signatureCount, signedParties.size());
        if (signatureCount < signedParties.size()) {
            var signedByOneMore = new Agreement(id, OPEN, text, signedParties, contentHash, version + 1,
                    createdAt, now, openedAt, null, null, null);
            return Outcome.of(signedByOneMore, recorded);
        }
        var concluded = new Agreement(id, SIGNED, text, signedParties, contentHash, version + 1,
                createdAt, now, openedAt, now, null, null);
        return Outcome.of(concluded, recorded, new Signed(now, signedParties.size()));
    }

    private Outcome accede(RegionCode region, Signatory signatory, ContentHash named, String jws, SigningKeys keys,
            RegionDirectory regions, Instant now) {
        requireContentHash(named);
        requireEligible(List.of(region), regions);
        var evidence = SignatureEvidence.check(jws, keys, id, contentHash, region);
        var signature = new Signature(region, signatory, now, contentHash, evidence);
        var grown = new ArrayList<>(parties);
        grown.add(new Party(region, signature, true));
        var acceded = new Agreement(id, SIGNED, text, grown, contentHash, version + 1, createdAt, now,
                openedAt, concludedAt, null, null);
        return Outcome.of(acceded, new PartyAcceded(signature, grown.size()));
    }

    // ---- end of life --------------------------------------------------------------------------------------

    /** Abandons a draft or an agreement open for signature. */
    public Outcome withdraw(String reason, Instant now) {
        requireStatus("withdraw", "a DRAFT or OPEN agreement can be withdrawn", DRAFT, OPEN);
        String why = requireReason(reason);
        var withdrawn = new Agreement(id, WITHDRAWN, text, parties, contentHash, version + 1, createdAt, now,
                openedAt, null, now, why);
        return Outcome.of(withdrawn, new Withdrawn(why, now));
    }

    /** Ends a signed agreement before its term does. */
    public Outcome terminate(String reason, Instant now) {
        requireStatus("terminate", "a SIGNED agreement can be terminated", SIGNED);
        String why = requireReason(reason);
        var terminated = new Agreement(id, TERMINATED, text, parties, contentHash, version + 1, createdAt, now,
                openedAt, concludedAt, now, why);
        return Outcome.of(terminated, new Terminated(why, now));
    }

    /** Whether {@link #expire} applies on {@code today}: a SIGNED agreement whose term has ended. */
    public boolean isDueToExpire(LocalDate today) {
        return status == SIGNED && text.term().hasEndedBy(today);
    }

    /** Marks a signed agreement whose term ended before {@code today} as EXPIRED. */
    public Outcome expire(LocalDate today, Instant now) {
        requireStatus("expire", "a SIGNED agreement can expire", SIGNED);
        if (!text.term().hasEndedBy(today)) {
            throw new TransitionNotAllowed(id, status, "expire", "an agreement whose term ended before "
                    + today + " expires (its term runs until " + text.term().until() + ")");
        }
        var expired = new Agreement(id, EXPIRED, text, parties, contentHash, version + 1, createdAt, now,
                openedAt, concludedAt, now, null);
        return Outcome.of(expired, new Expired(text.term().firstDayOutOfForce(), now));
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    public Optional<Party> partyOf(RegionCode region) {
        return parties.stream().filter(p -> p.region().equals(region)).findFirst();
    }

    public int signatureCount() {
        return (int) parties.stream().filter(Party::signed).count();
    }

    // ---- rules shared by the steps -------------------------------------------------------------------------

    private void requireStatus(String action, String allowedWhen, AgreementStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new TransitionNotAllowed(id, status, action, allowedWhen);
        }
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
}
