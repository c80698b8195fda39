package org.concord.agreements.agreement;

import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.CooperationArea;
import org.concord.agreements.agreement.domain.HistoryEntry;
import org.concord.agreements.agreement.domain.Kind;
import org.concord.agreements.agreement.domain.Party;
import org.concord.agreements.agreement.domain.Signature;
import java.time.Instant;
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
            String endReason) {

        static AgreementResource of(Agreement a) {
            AgreementText t = a.text();
            return new AgreementResource(a.id(), a.status(), a.version(), t.title(), t.kind(), t.areas(), t.summary(),
                    t.commitments(), t.counterpart(), t.convener().value(),
                    a.parties().stream().map(PartyResource::of).toList(),
                    SigningEventBody.of(t.signingEvent()), TermBody.of(t.term()),
                    a.contentHash() == null ? null : a.contentHash().value(),
                    a.createdAt(), a.updatedAt(), a.openedAt(), a.concludedAt(), a.endedAt(), a.endReason());
        }
    }

    /** A party; {@code signatory} and {@code signedAt} once it has signed; {@code acceded} if it joined after conclusion. */
    public record PartyResource(String region, boolean signed, Instant signedAt, boolean acceded, SignatoryBody signatory) {

        static PartyResource of(Party p) {
            Signature s = p.signature();
            return new PartyResource(p.region().value(), p.signed(), p.signedAt(), p.acceded(), s == null ? null
                    : new SignatoryBody(s.signatory().name(), s.signatory().title(), s.signatory().organisation()));
        }
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
