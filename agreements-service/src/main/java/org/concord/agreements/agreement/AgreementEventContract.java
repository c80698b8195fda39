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

import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementEvent;
import org.concord.agreements.agreement.domain.AgreementText;
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
        if (event instanceof Terminated e) return new ReasonData(agreement, e.reason(), historyHead);
        if (event instanceof Expired e) return new ExpiredData(agreement, e.expiredOn(), historyHead);
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
        if (event instanceof Terminated e) return Map.of("reason", e.reason());
        if (event instanceof Expired e) return Map.of("expiredOn", e.expiredOn());
        throw unknown(event);
    }

    private static IllegalArgumentException unknown(AgreementEvent event) {
        return new IllegalArgumentException("unknown agreement event " + event);
    }

    // ---- the contract's data shapes -----------------------------------------------------------------------

    /** contract/schemas/agreement-snapshot.schema.json */
    public record AgreementSnapshot(UUID id, String title, String kind, String status, String convener,
            String counterpart, List<String> areas, List<PartyState> parties, String contentHash, long version) {

        static AgreementSnapshot of(Agreement a) {
            AgreementText text = a.text();
            return new AgreementSnapshot(a.id(), text.title(), text.kind().name(), a.status().name(),
                    text.convener().value(), text.counterpart(), text.areas().stream().map(Enum::name).toList(),
                    a.parties().stream().map(p -> new PartyState(p.region().value(), p.signed(), p.signedAt())).toList(),
                    a.contentHash() == null ? null : a.contentHash().value(), a.version());
        }
    }

    public record PartyState(String region, boolean signed, Instant signedAt) {
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

    /** withdrawn and terminated */
    public record ReasonData(AgreementSnapshot agreement, String reason, HistoryHeadData historyHead) {
    }

    public record ExpiredData(AgreementSnapshot agreement, LocalDate expiredOn, HistoryHeadData historyHead) {
    }
}
