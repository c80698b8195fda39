package org.concord.agreements.agreement;

import org.concord.agreements.agreement.domain.AgreementEvent.Amended;
import org.concord.agreements.agreement.domain.AgreementEvent.Drafted;
import org.concord.agreements.agreement.domain.AgreementEvent.Expired;
import org.concord.agreements.agreement.domain.AgreementEvent.Opened;
import org.concord.agreements.agreement.domain.AgreementEvent.PartyAcceded;
import org.concord.agreements.agreement.domain.AgreementEvent.SignatureRecorded;
import org.concord.agreements.agreement.domain.AgreementEvent.Signed;
import org.concord.agreements.agreement.domain.AgreementEvent.Terminated;
import org.concord.agreements.agreement.domain.AgreementEvent.Withdrawn;
import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentAdopted;
import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentOpened;
import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentSigned;
import org.concord.agreements.agreement.domain.AgreementEvent.EnteredIntoForce;
import org.concord.agreements.agreement.domain.AgreementEvent.PartyWithdrawn;
import org.concord.agreements.agreement.domain.AgreementEvent.RenewalObjected;
import org.concord.agreements.agreement.domain.AgreementEvent.Renewed;
import org.concord.agreements.agreement.domain.AgreementEvent.TermEnding;
import org.concord.agreements.agreement.domain.AgreementEvent.WithdrawalNotified;
import org.concord.agreements.agreement.domain.Amendment;
import org.concord.agreements.agreement.domain.EntryIntoForce;
import org.concord.agreements.agreement.domain.Party;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Withdrawal;

import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementEvent;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.concord.evidence.HistoryHead;

/**
 * How an agreement's events look outside the aggregate: the {@code ce_type} and data of each on
 * {@code agreements.v1} (contract/schemas/concord.agreement.*.schema.json: {@code {"agreement": snapshot, ...what
 * changed, historyHead}}), and the entry each leaves in the audit trail. The snapshot is the agreement after the whole
 * step, so the signature that concludes an agreement already shows it SIGNED, as the contract says; the
 * {@code historyHead} is the head of the hash-chained history once the event's own entry is in it (its hash and
 * seq), so a consumer can pin the history as it was.
 */
public final class AgreementEventContract {

    static final String TYPE_PREFIX = "concord.agreement.";

    private AgreementEventContract() {
    }

    /** The name of the event in the audit trail, and after {@value #TYPE_PREFIX} its ce_type. */
    public static String name(AgreementEvent event) {
        return event.name();
    }

    /** Whether the event is published on agreements.v1. Amendments of a draft are not in the contract: they stay in the audit trail. */
    public static boolean isPublished(AgreementEvent event) {
        return !(event instanceof Amended);
    }

    public static String ceType(AgreementEvent event) {
        return TYPE_PREFIX + name(event);
    }

    /** The event's data on agreements.v1; {@code head}: the history's head once the event's entry is in it. */
    public static Object data(Agreement after, AgreementEvent event, HistoryHead head) {
        AgreementSnapshot agreement = AgreementSnapshot.of(after);
        HistoryHeadData historyHead = new HistoryHeadData(head.hash(), head.length());
        if (event instanceof Drafted) return new DraftedData(agreement, historyHead);
        if (event instanceof Opened e) return new OpenedData(agreement, e.contentHash().value(), historyHead);
        if (event instanceof SignatureRecorded e) return new SignatureRecordedData(agreement,
                SignatureData.of(e.signature()), e.signatureCount(), e.partyCount(), historyHead);
        if (event instanceof Signed e) return new SignedData(agreement, e.concludedAt(), e.partyCount(), historyHead);
        if (event instanceof PartyAcceded e) return new PartyAccededData(agreement, SignatureData.of(e.signature()),
                e.partyCount(), historyHead);
        if (event instanceof Withdrawn e) return new ReasonData(agreement, e.reason(), historyHead);
        if (event instanceof Terminated e) return new TerminatedData(agreement, e.reason(), e.cause().name(), historyHead);
        if (event instanceof Expired e) return new ExpiredData(agreement, e.expiredOn(), historyHead);
        if (event instanceof EnteredIntoForce e) return new EnteredIntoForceData(agreement, e.effectiveOn(),
                e.rule().name(), code(e.party()), historyHead);
        if (event instanceof WithdrawalNotified e) return new WithdrawalNotifiedData(agreement, e.party().value(),
                e.reason(), e.at(), e.effectiveOn(), historyHead);
        if (event instanceof PartyWithdrawn e) return new PartyWithdrawnData(agreement, e.party().value(),
                e.effectiveOn(), e.remainingParties(), historyHead);
        if (event instanceof AmendmentOpened e) return new AmendmentOpenedData(agreement,
                AmendmentOpening.of(e.amendment()), historyHead);
        if (event instanceof AmendmentSigned e) return new AmendmentSignedData(agreement,
                new AmendmentRef(e.number(), e.contentHash().value(), null), e.signature().party().value(),
                e.signatureCount(), e.partyCount(), historyHead);
        if (event instanceof AmendmentAdopted e) return new AmendmentAdoptedData(agreement,
                new AmendmentRef(e.number(), e.contentHash().value(), e.previousContentHash().value()), e.textVersion(),
                historyHead);
        if (event instanceof TermEnding e) return new TermEndingData(agreement, e.endsOn(), e.daysLeft(),
                e.automaticRenewal(), e.objectionDeadline(), historyHead);
        if (event instanceof RenewalObjected e) return new PartyReasonData(agreement, e.party().value(), e.reason(),
                historyHead);
        if (event instanceof Renewed e) return new RenewedData(agreement, e.previousEnd(), e.newEnd(), historyHead);
        throw new IllegalArgumentException(name(event) + " is not published");
    }

    /** What the audit trail says changed (the event's data without the snapshot). */
    public static Map<String, Object> details(AgreementEvent event) {
        if (event instanceof Drafted) return Map.of();
        if (event instanceof Amended e) return Map.of("fields", e.fields());
        if (event instanceof Opened e) return Map.of("contentHash", e.contentHash().value());
        if (event instanceof SignatureRecorded e) return Map.of("signature", SignatureData.of(e.signature()),
                "signatureCount", e.signatureCount(), "partyCount", e.partyCount());
        if (event instanceof Signed e) return Map.of("concludedAt", e.concludedAt(), "partyCount", e.partyCount());
        if (event instanceof PartyAcceded e) return Map.of("signature", SignatureData.of(e.signature()),
                "partyCount", e.partyCount());
        if (event instanceof Withdrawn e) return Map.of("reason", e.reason());
        if (event instanceof Terminated e) return Map.of("reason", e.reason(), "cause", e.cause().name());
        if (event instanceof Expired e) return Map.of("expiredOn", e.expiredOn());
        if (event instanceof EnteredIntoForce e) return nullable("effectiveOn", e.effectiveOn(), "rule", e.rule().name(),
                "party", code(e.party()));
        if (event instanceof WithdrawalNotified e) return Map.of("party", e.party().value(), "reason", e.reason(),
                "notifiedAt", e.at(), "effectiveOn", e.effectiveOn());
        if (event instanceof PartyWithdrawn e) return Map.of("party", e.party().value(), "effectiveOn", e.effectiveOn(),
                "remainingParties", e.remainingParties());
        if (event instanceof AmendmentOpened e) return Map.of("amendment", AmendmentOpening.of(e.amendment()),
                "text", ContentHash.textJson(e.amendment().text()));
        if (event instanceof AmendmentSigned e) return Map.of("amendment", new AmendmentRef(e.number(),
                e.contentHash().value(), null), "signature", SignatureData.of(e.signature()),
                "signatureCount", e.signatureCount(), "partyCount", e.partyCount());
        if (event instanceof AmendmentAdopted e) return Map.of("amendment", new AmendmentRef(e.number(),
                e.contentHash().value(), e.previousContentHash().value()), "textVersion", e.textVersion());
        if (event instanceof TermEnding e) return nullable("endsOn", e.endsOn(), "daysLeft", e.daysLeft(),
                "automaticRenewal", e.automaticRenewal(), "objectionDeadline", e.objectionDeadline());
        if (event instanceof RenewalObjected e) return Map.of("party", e.party().value(), "reason", e.reason());
        if (event instanceof Renewed e) return Map.of("previousEnd", e.previousEnd(), "newEnd", e.newEnd());
        throw unknown(event);
    }

    /** A map of name/value pairs in order, values may be null (Map.of refuses them). */
    private static Map<String, Object> nullable(Object... pairs) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String code(RegionCode region) {
        return region == null ? null : region.value();
    }

    private static IllegalArgumentException unknown(AgreementEvent event) {
        return new IllegalArgumentException("unknown agreement event " + event);
    }

    // ---- the contract's data shapes -----------------------------------------------------------------------

    /** contract/schemas/agreement-snapshot.schema.json */
    public record AgreementSnapshot(UUID id, String title, String kind, String status, String convener,
            String counterpart, List<String> areas, List<PartyState> parties, String contentHash, long version,
            EntryIntoForceData entryIntoForce, int quorum, LocalDate inForceSince, int textVersion,
            OpenAmendmentData openAmendment) {

        static AgreementSnapshot of(Agreement a) {
            AgreementText text = a.text();
            Amendment open = a.openAmendment();
            return new AgreementSnapshot(a.id(), text.title(), text.kind().name(), a.status().name(),
                    text.convener().value(), text.counterpart(), text.areas().stream().map(Enum::name).toList(),
                    a.parties().stream().map(PartyState::of).toList(),
                    a.contentHash() == null ? null : a.contentHash().value(), a.version(),
                    EntryIntoForceData.of(a.provisions().entryIntoForce()), a.provisions().quorum(), a.inForceSince(),
                    a.textVersion(), open == null ? null : new OpenAmendmentData(open.number(),
                            open.contentHash().value(), open.signedBy().stream().map(RegionCode::value).toList()));
        }
    }

    /** A party in the snapshot: its signing state and, once the agreement is in force, where it stands. */
    public record PartyState(String region, boolean signed, Instant signedAt, LocalDate inForceSince,
            WithdrawalData withdrawal, LocalDate withdrawnOn) {

        static PartyState of(Party p) {
            Withdrawal w = p.withdrawal();
            return new PartyState(p.region().value(), p.signed(), p.signedAt(), p.inForceSince(),
                    w == null ? null : new WithdrawalData(w.notifiedAt(), w.effectiveOn(), w.reason()), p.withdrawnOn());
        }
    }

    public record WithdrawalData(Instant notifiedAt, LocalDate effectiveOn, String reason) {
    }

    public record EntryIntoForceData(String rule, Integer quorum, LocalDate date) {

        public static EntryIntoForceData of(EntryIntoForce e) {
            return new EntryIntoForceData(e.rule().name(), e.quorum(), e.date());
        }
    }

    public record OpenAmendmentData(int number, String contentHash, List<String> signed) {
    }

    /** amendment-opened's {@code amendment}. */
    public record AmendmentOpening(int number, String contentHash, String previousContentHash, List<String> parties) {

        static AmendmentOpening of(Amendment a) {
            return new AmendmentOpening(a.number(), a.contentHash().value(), a.previousContentHash().value(),
                    a.parties().stream().map(RegionCode::value).toList());
        }
    }

    /** amendment-signed's and amendment-adopted's {@code amendment} ({@code previousContentHash} on adoption only). */
    public record AmendmentRef(int number, String contentHash,
            @JsonInclude(JsonInclude.Include.NON_NULL) String previousContentHash) {
    }

    /**
     * contract/schemas/signature.schema.json; also {@code details.signature} of the history entry, which the evidence
     * format reads ({@code method}, and {@code jws} only when the signatory signed with its key).
     */
    public record SignatureData(String party, SignatoryData signatory, Instant signedAt, String contentHash,
            String method, @JsonInclude(JsonInclude.Include.NON_NULL) String jws) {

        static SignatureData of(Signature s) {
            return new SignatureData(s.party().value(),
                    new SignatoryData(s.signatory().name(), s.signatory().title(), s.signatory().organisation()),
                    s.signedAt(), s.contentHash().value(), s.evidence().method().value(), s.evidence().jws());
        }
    }

    /** contract/schemas/common.schema.json#/$defs/historyHead: the hash of the last entry and how many there are. */
    public record HistoryHeadData(String hash, long length) {
    }

    public record SignatoryData(String name, String title, String organisation) {
    }

    public record DraftedData(AgreementSnapshot agreement, HistoryHeadData historyHead) {
    }

    public record OpenedData(AgreementSnapshot agreement, String contentHash, HistoryHeadData historyHead) {
    }

    public record SignatureRecordedData(AgreementSnapshot agreement, SignatureData signature, int signatureCount,
            int partyCount, HistoryHeadData historyHead) {
    }

    public record SignedData(AgreementSnapshot agreement, Instant concludedAt, int partyCount,
            HistoryHeadData historyHead) {
    }

    public record PartyAccededData(AgreementSnapshot agreement, SignatureData signature, int partyCount,
            HistoryHeadData historyHead) {
    }

    /** withdrawn */
    public record ReasonData(AgreementSnapshot agreement, String reason, HistoryHeadData historyHead) {
    }

    /** terminated: {@code cause} DECISION or QUORUM_LOST */
    public record TerminatedData(AgreementSnapshot agreement, String reason, String cause, HistoryHeadData historyHead) {
    }

    public record EnteredIntoForceData(AgreementSnapshot agreement, LocalDate effectiveOn, String rule, String party,
            HistoryHeadData historyHead) {
    }

    public record WithdrawalNotifiedData(AgreementSnapshot agreement, String party, String reason, Instant notifiedAt,
            LocalDate effectiveOn, HistoryHeadData historyHead) {
    }

    public record PartyWithdrawnData(AgreementSnapshot agreement, String party, LocalDate effectiveOn,
            int remainingParties, HistoryHeadData historyHead) {
    }

    public record AmendmentOpenedData(AgreementSnapshot agreement, AmendmentOpening amendment,
            HistoryHeadData historyHead) {
    }

    public record AmendmentSignedData(AgreementSnapshot agreement, AmendmentRef amendment, String party,
            int signatureCount, int partyCount, HistoryHeadData historyHead) {
    }

    public record AmendmentAdoptedData(AgreementSnapshot agreement, AmendmentRef amendment, int textVersion,
            HistoryHeadData historyHead) {
    }

    public record TermEndingData(AgreementSnapshot agreement, LocalDate endsOn, int daysLeft, boolean automaticRenewal,
            LocalDate objectionDeadline, HistoryHeadData historyHead) {
    }

    /** renewal-objected */
    public record PartyReasonData(AgreementSnapshot agreement, String party, String reason, HistoryHeadData historyHead) {
    }

    public record RenewedData(AgreementSnapshot agreement, LocalDate previousEnd, LocalDate newEnd,
            HistoryHeadData historyHead) {
    }

    public record ExpiredData(AgreementSnapshot agreement, LocalDate expiredOn, HistoryHeadData historyHead) {
    }
}
