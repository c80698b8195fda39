package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened to an agreement: the facts its transitions produce, each named in the past tense. Each one
 * becomes an entry of the agreement's audit trail; all but {@link Amended} are also published on
 * {@code agreements.v1} (see {@code AgreementEventContract}).
 */
public sealed interface AgreementEvent {

    /** When it happened. */
    Instant at();

    /** Its name in the audit trail (after {@code concord.agreement.}, its ce_type when it is published). */
    default String name() {
        if (this instanceof Drafted) return "drafted";
        if (this instanceof Amended) return "amended";
        if (this instanceof Opened) return "opened";
        if (this instanceof SignatureRecorded) return "signature-recorded";
        if (this instanceof Signed) return "signed";
        if (this instanceof PartyAcceded) return "party-acceded";
        if (this instanceof Withdrawn) return "withdrawn";
        if (this instanceof Terminated) return "terminated";
        if (this instanceof Expired) return "expired";
        if (this instanceof EnteredIntoForce) return "entered-into-force";
        if (this instanceof WithdrawalNotified) return "withdrawal-notified";
        if (this instanceof PartyWithdrawn) return "party-withdrawn";
        if (this instanceof AmendmentOpened) return "amendment-opened";
        if (this instanceof AmendmentSigned) return "amendment-signed";
        if (this instanceof AmendmentAdopted) return "amendment-adopted";
        if (this instanceof TermEnding) return "term-ending";
        if (this instanceof RenewalObjected) return "renewal-objected";
        return "renewed";
    }

    /** A draft was created. */
    record Drafted(Instant at) implements AgreementEvent {
    }

    /** The draft's text changed; {@code fields} names what changed. */
    record Amended(List<String> fields, Instant at) implements AgreementEvent {
    }

    /** Opened for signature: the text is frozen and its content hash fixed. */
    record Opened(ContentHash contentHash, Instant at) implements AgreementEvent {
    }

    /** A party signed ({@code signatureCount} of {@code partyCount}). */
    record SignatureRecorded(Signature signature, int signatureCount, int partyCount) implements AgreementEvent {
        @Override
        public Instant at() {
            return signature.signedAt();
        }
    }

    /** The last party signed: the agreement is concluded (published as {@code concord.agreement.signed}). */
    record Signed(Instant concludedAt, int partyCount) implements AgreementEvent {
        @Override
        public Instant at() {
            return concludedAt;
        }
    }

    /** A region joined the signed agreement by signing it. */
    record PartyAcceded(Signature signature, int partyCount) implements AgreementEvent {
        @Override
        public Instant at() {
            return signature.signedAt();
        }
    }

    /** A draft or open agreement was abandoned. */
    record Withdrawn(String reason, Instant at) implements AgreementEvent {
    }

    /** An agreement in force was ended before its term: by decision, or because the quorum was lost. */
    record Terminated(String reason, Cause cause, Instant at) implements AgreementEvent {

        public enum Cause { DECISION, QUORUM_LOST }
    }

    /** A signed agreement's term ended; {@code expiredOn} is the first day it is no longer in force. */
    record Expired(LocalDate expiredOn, Instant at) implements AgreementEvent {
    }

    /**
     * The agreement took effect on {@code effectiveOn} under {@code rule}: as a whole, or (ON_OWN_SIGNATURE) for
     * {@code party}, which is null otherwise.
     */
    record EnteredIntoForce(LocalDate effectiveOn, EntryIntoForce.Rule rule, RegionCode party, Instant at)
            implements AgreementEvent {
    }

    /** A party gave notice that it leaves the agreement; it does on {@code effectiveOn}. */
    record WithdrawalNotified(RegionCode party, String reason, LocalDate effectiveOn, Instant at) implements AgreementEvent {
    }

    /** A party's withdrawal took effect; {@code remainingParties} are still in force. */
    record PartyWithdrawn(RegionCode party, LocalDate effectiveOn, int remainingParties, Instant at)
            implements AgreementEvent {
    }

    /** A new version of the text was opened for signature by {@code amendment.parties()}. */
    record AmendmentOpened(Amendment amendment, Instant at) implements AgreementEvent {
    }

    /** A party signed the open amendment ({@code signatureCount} of {@code partyCount}). */
    record AmendmentSigned(int number, ContentHash contentHash, Signature signature, int signatureCount,
            int partyCount) implements AgreementEvent {
        @Override
        public Instant at() {
            return signature.signedAt();
        }
    }

    /** Every party in force signed the amendment: its text is now the agreement's, as version {@code textVersion}. */
    record AmendmentAdopted(int number, ContentHash contentHash, ContentHash previousContentHash, int textVersion,
            Instant at) implements AgreementEvent {
    }

    /** The term ends on {@code endsOn}, {@code daysLeft} days from now (one of the notice thresholds). */
    record TermEnding(LocalDate endsOn, int daysLeft, boolean automaticRenewal, LocalDate objectionDeadline, Instant at)
            implements AgreementEvent {
    }

    /** A party objected to the automatic renewal: the term will end as written. */
    record RenewalObjected(RegionCode party, String reason, Instant at) implements AgreementEvent {
    }

    /** The term renewed by itself for the same length. */
    record Renewed(LocalDate previousEnd, LocalDate newEnd, Instant at) implements AgreementEvent {
    }
}
