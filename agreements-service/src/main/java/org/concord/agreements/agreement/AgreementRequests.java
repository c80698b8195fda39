package org.concord.agreements.agreement;

import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.CooperationArea;
import org.concord.agreements.agreement.domain.Drafting;
import org.concord.agreements.agreement.domain.EntryIntoForce;
import org.concord.agreements.agreement.domain.Provisions;
import org.concord.agreements.agreement.domain.Kind;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Signatory;
import org.concord.agreements.agreement.domain.SigningEvent;
import org.concord.agreements.agreement.domain.Term;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the agreements API. Their shape (required, lengths, formats) is checked here and
 * refused with a 400 listing the fields; the rules of an agreement (at least two distinct parties, the convener
 * among them, the term's end after its start, every party a known active region...) are the domain's, refused
 * with a 422. Properties not listed here are refused (400): a client cannot set {@code id}, {@code status},
 * {@code version}, {@code contentHash} or signatures through a body.
 */
public final class AgreementRequests {

    static final String REGION_CODE_MESSAGE = "must be a region code such as CN-GX (ISO 3166-2) or VN (ISO 3166-1)";

    private AgreementRequests() {
    }

    /** POST /api/agreements, and what a PATCH is merged into. */
    public record Draft(
            @NotBlank @Size(max = 300) String title,
            @NotNull Kind kind,
            @NotEmpty @Size(max = 20) List<@NotNull CooperationArea> areas,
            @Size(max = 5000) String summary,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 2000) String> commitments,
            @Size(max = 200) String counterpart,
            @NotNull @Pattern(regexp = RegionCode.FORMAT, message = REGION_CODE_MESSAGE) String convener,
            @NotEmpty @Size(max = 200) List<@NotNull @Pattern(regexp = RegionCode.FORMAT, message = REGION_CODE_MESSAGE) String> parties,
            @NotNull @Valid SigningEventBody signingEvent,
            @NotNull @Valid TermBody term,
            @Valid EntryIntoForceBody entryIntoForce,
            @Min(1) @Max(200) Integer quorum,
            @Min(0) @Max(3650) Integer withdrawalNoticeDays,
            Boolean automaticRenewal,
            @Min(0) @Max(3650) Integer renewalObjectionDays) {

        /** The names of the provisions' properties: an amendment of an agreement in force cannot change them. */
        static final List<String> PROVISIONS = List.of("entryIntoForce", "quorum", "withdrawalNoticeDays",
                "automaticRenewal", "renewalObjectionDays");

        Drafting toDrafting() {
            return new Drafting(toText(), Provisions.of(entryIntoForce == null ? null : entryIntoForce.toEntryIntoForce(),
                    quorum, withdrawalNoticeDays, automaticRenewal, renewalObjectionDays));
        }

        AgreementText toText() {
            return new AgreementText(title, kind, areas, summary, commitments, counterpart, RegionCode.of(convener),
                    parties.stream().map(RegionCode::of).toList(),
                    new SigningEvent(signingEvent.name(), signingEvent.venue(), signingEvent.date()),
                    new Term(term.effectiveFrom(), term.until()));
        }

        static Draft of(Drafting drafting) {
            AgreementText text = drafting.text();
            Provisions p = drafting.provisions();
            EntryIntoForce rule = p.entryIntoForce();
            return new Draft(text.title(), text.kind(), text.areas(), text.summary(), text.commitments(),
                    text.counterpart(), text.convener().value(), text.parties().stream().map(RegionCode::value).toList(),
                    SigningEventBody.of(text.signingEvent()), TermBody.of(text.term()), EntryIntoForceBody.of(rule),
                    rule.quorum() == null ? p.quorum() : null, p.withdrawalNoticeDays(), p.automaticRenewal(),
                    p.renewalObjectionDays());
        }
    }

    /**
     * When the agreement enters into force: {@code ALL_SIGNATURES} (the default), {@code QUORUM} with {@code quorum}
     * signatures, {@code ON_DATE} on {@code date} (once every party signed), or {@code ON_OWN_SIGNATURE}.
     */
    public record EntryIntoForceBody(@NotNull EntryIntoForce.Rule rule, @Min(1) @Max(200) Integer quorum, LocalDate date) {

        EntryIntoForce toEntryIntoForce() {
            return new EntryIntoForce(rule, quorum, date);
        }

        static EntryIntoForceBody of(EntryIntoForce e) {
            return new EntryIntoForceBody(e.rule(), e.quorum(), e.date());
        }
    }

    /** POST /api/agreements/{id}/withdrawals and /renewal-objections: a party, and why. */
    public record PartyNotice(
            @NotNull @Pattern(regexp = RegionCode.FORMAT, message = REGION_CODE_MESSAGE) String party,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record SigningEventBody(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 200) String venue,
            @NotNull LocalDate date) {

        static SigningEventBody of(SigningEvent event) {
            return new SigningEventBody(event.name(), event.venue(), event.date());
        }
    }

    /** {@code until} is the last day in force; null for an open-ended agreement. */
    public record TermBody(@NotNull LocalDate effectiveFrom, LocalDate until) {

        static TermBody of(Term term) {
            return new TermBody(term.effectiveFrom(), term.until());
        }
    }

    /**
     * POST /api/agreements/{id}/signatures: a party signs, or a region accedes to a signed agreement. {@code jws}: the
     * signatory's compact JWS (ES256 or EdDSA, by a key its region registered) over the RFC 8785 form of
     * {@code {"agreementId", "contentHash", "party"}}; required when the region has registered keys, refused when it
     * has none (docs/evidence.md).
     */
    public record Sign(
            @NotNull @Pattern(regexp = RegionCode.FORMAT, message = REGION_CODE_MESSAGE) String party,
            @NotNull @Pattern(regexp = ContentHash.FORMAT, message = "must be sha256: followed by 64 lower-case hex digits, the agreement's contentHash") String contentHash,
            @NotNull @Valid SignatoryBody signatory,
            @Size(max = 4000) @Pattern(regexp = JWS_FORMAT, message = "must be a compact JWS: three base64url parts separated by dots") String jws) {

        static final String JWS_FORMAT = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";

        Signatory toSignatory() {
            return new Signatory(signatory.name(), signatory.title(), signatory.organisation());
        }
    }

    public record SignatoryBody(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 500) String organisation) {
    }

    /** POST /api/agreements/{id}/withdraw and /terminate. */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }
}
