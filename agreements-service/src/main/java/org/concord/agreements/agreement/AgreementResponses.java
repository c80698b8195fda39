package org.concord.agreements.agreement;

import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.Amendment;
import org.concord.agreements.agreement.domain.Provisions;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.RenewalObjection;
import org.concord.agreements.agreement.domain.Withdrawal;
import org.concord.agreements.agreement.AgreementRequests.EntryIntoForceBody;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.CooperationArea;
import org.concord.agreements.agreement.domain.HistoryEntry;
import org.concord.agreements.agreement.domain.Kind;
import org.concord.agreements.agreement.domain.Party;
import org.concord.agreements.agreement.domain.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.concord.agreements.agreement.AgreementRequests.SignatoryBody;
import org.concord.agreements.agreement.AgreementRequests.SigningEventBody;
import org.concord.agreements.agreement.AgreementRequests.TermBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The response bodies of the agreements API. */
public final class AgreementResponses {

    private AgreementResponses() {
    }

    /** An agreement as the API shows it: its text, its parties with their signing state, and where it stands. */
    public record AgreementResource(
            UUID id,
            AgreementStatus status,
            long version,
            String title,
            Kind kind,
            List<CooperationArea> areas,
            String summary,
            List<String> commitments,
            String counterpart,
            String convener,
            List<PartyResource> parties,
            SigningEventBody signingEvent,
            TermBody term,
            String contentHash,
            Instant createdAt,
            Instant updatedAt,
            Instant openedAt,
            Instant concludedAt,
            Instant endedAt,
            String endReason,
            EntryIntoForceBody entryIntoForce,
            int quorum,
            int withdrawalNoticeDays,
            boolean automaticRenewal,
            int renewalObjectionDays,
            LocalDate inForceSince,
            int textVersion,
            AmendmentResource openAmendment,
            LocalDate termEndsOn,
            LocalDate renewalObjectionDeadline,
            RenewalObjectionResource renewalObjection) {

        static AgreementResource of(Agreement a) {
            AgreementText t = a.text();
            Provisions p = a.provisions();
            RenewalObjection o = a.renewalObjection();
            return new AgreementResource(a.id(), a.status(), a.version(), t.title(), t.kind(), t.areas(), t.summary(),
                    t.commitments(), t.counterpart(), t.convener().value(),
                    a.parties().stream().map(PartyResource::of).toList(),
                    SigningEventBody.of(t.signingEvent()), TermBody.of(t.term()),
                    a.contentHash() == null ? null : a.contentHash().value(),
                    a.createdAt(), a.updatedAt(), a.openedAt(), a.concludedAt(), a.endedAt(), a.endReason(),
                    EntryIntoForceBody.of(p.entryIntoForce()), p.quorum(), p.withdrawalNoticeDays(),
                    p.automaticRenewal(), p.renewalObjectionDays(), a.inForceSince(), a.textVersion(),
                    AmendmentResource.of(a.openAmendment()), a.termEndsOn(), a.objectionDeadline(),
                    o == null ? null : new RenewalObjectionResource(o.party().value(), o.reason(), o.at()));
        }
    }

    /**
     * A party; {@code signatory} and {@code signedAt} once it has signed; {@code acceded} if it joined after conclusion;
     * {@code inForceSince} once the agreement binds it; {@code withdrawal} once it gave notice, {@code withdrawnOn}
     * once that took effect.
     */
    public record PartyResource(String region, boolean signed, Instant signedAt, boolean acceded, SignatoryBody signatory,
            LocalDate inForceSince, WithdrawalResource withdrawal, LocalDate withdrawnOn) {

        static PartyResource of(Party p) {
            Signature s = p.signature();
            Withdrawal w = p.withdrawal();
            return new PartyResource(p.region().value(), p.signed(), p.signedAt(), p.acceded(), s == null ? null
                    : new SignatoryBody(s.signatory().name(), s.signatory().title(), s.signatory().organisation()),
                    p.inForceSince(), w == null ? null : new WithdrawalResource(w.notifiedAt(), w.effectiveOn(), w.reason()),
                    p.withdrawnOn());
        }
    }

    /** A party's notice of withdrawal: given at {@code notifiedAt}, it takes effect on {@code effectiveOn}. */
    public record WithdrawalResource(Instant notifiedAt, LocalDate effectiveOn, String reason) {
    }

    /** The amendment open for signature: its number, the new text and its content hash, who must sign, who has. */
    public record AmendmentResource(int number, String contentHash, String previousContentHash, Instant openedAt,
            List<String> parties, List<String> signed) {

        static AmendmentResource of(Amendment a) {
            return a == null ? null : new AmendmentResource(a.number(), a.contentHash().value(),
                    a.previousContentHash().value(), a.openedAt(), a.parties().stream().map(RegionCode::value).toList(),
                    a.signedBy().stream().map(RegionCode::value).toList());
        }
    }

    /** A party's objection to the automatic renewal of the current term. */
    public record RenewalObjectionResource(String party, String reason, Instant at) {
    }

    /** GET /api/agreements/{id}/history: the hash-chained history, oldest first. */
    public record History(UUID agreementId, List<HistoryItem> entries) {
    }

    /**
     * One entry of the history, a link of its hash chain (docs/evidence.md).
     *
     * @param seq          its place in the agreement's history, from 1
     * @param type         drafted, amended, opened, signature-recorded, signature-refused, signed, party-acceded,
     *                     withdrawn, terminated, expired
     * @param version      the agreement's version after the change
     * @param eventId      the ce_id of the event published for it on agreements.v1 (null for what is not published:
     *                     an amendment, a refused signature)
     * @param details      what changed (as in the event's data, without the snapshot)
     * @param previousHash the hash of the entry before (64 zeros for the first)
     * @param hash         SHA-256 of the entry's RFC 8785 form without its hash
     */
    public record HistoryItem(long seq, String type, Instant at, long version, String eventId, JsonNode details,
            String previousHash, String hash) {

        static HistoryItem of(HistoryEntry entry, JsonMapper json) {
            return new HistoryItem(entry.seq(), entry.type(), entry.at(), entry.version(), entry.eventId(),
                    json.readTree(entry.details()), entry.previousHash(), entry.hash());
        }
    }
}
