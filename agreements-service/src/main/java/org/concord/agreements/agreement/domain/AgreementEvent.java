package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.AgreementEventContract;
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
        return "expired";
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

    /** A signed agreement was ended before its term. */
    record Terminated(String reason, Instant at) implements AgreementEvent {
    }

    /** A signed agreement's term ended; {@code expiredOn} is the first day it is no longer in force. */
    record Expired(LocalDate expiredOn, Instant at) implements AgreementEvent {
    }
}
