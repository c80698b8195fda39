package org.concord.agreements.agreement.domain;

import static org.concord.platform.domain.DomainException.Meaning.MALFORMED;
import static org.concord.platform.domain.DomainException.Meaning.CONFLICT;
import static org.concord.platform.domain.DomainException.Meaning.REFUSED;
import static org.concord.platform.domain.DomainException.Meaning.NOT_FOUND;
import static org.concord.platform.domain.DomainException.Meaning.INVALID;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.concord.platform.domain.DomainException;

/**
 * Every way an agreement refuses a request, each with what the refusal means (the platform maps a meaning to
 * an HTTP status) and a message that tells the user what to do.
 *
 * <p>409 Conflict: the request is fine but the agreement's current state forbids it (wrong status, already
 * signed). 422 Unprocessable: the request contradicts the agreement or the rules (wrong content hash, not a
 * party, a text that breaks a rule, a region that is unknown or deactivated). 400: a malformed value.
 */
public final class AgreementRefusals {

    private AgreementRefusals() {
    }

    /** The agreement's status does not allow this step (409). */
    public static final class TransitionNotAllowed extends DomainException {
        public TransitionNotAllowed(UUID agreement, AgreementStatus status, String action, String allowedWhen) {
            super(CONFLICT, "status-allows-step", "cannot " + action + " agreement " + agreement + ": it is " + status
                    + "; only " + allowedWhen);
        }
    }

    /** A signatory signs for a region it does not act for (403); the attempt is kept in the audit trail. */
    public static final class SignerNotEntitled extends DomainException {
        public SignerNotEntitled(UUID agreement, Signer signer, RegionCode party) {
            super(REFUSED, "signatory-acts-for-own-region", signer.subject() + " acts for " + (signer.actsFor() == null ? "no region" : signer.actsFor())
                    + " and cannot sign agreement " + agreement + " for " + party
                    + "; the attempt has been recorded in the agreement's history");
        }

        /** {@code action}: what it tried, e.g. "give notice of withdrawal from". */
        public SignerNotEntitled(UUID agreement, Signer signer, RegionCode party, String action) {
            super(REFUSED, "signatory-acts-for-own-region", signer.subject() + " acts for " + (signer.actsFor() == null ? "no region" : signer.actsFor())
                    + " and cannot " + action + " agreement " + agreement + " for " + party
                    + "; a signatory acts for its own region only");
        }
    }

    /** A party signs a second time (409). */
    public static final class AlreadySigned extends DomainException {
        public AlreadySigned(UUID agreement, RegionCode party) {
            super(CONFLICT, "party-signs-once", party + " has already signed agreement " + agreement + "; a party signs once");
        }
    }

    /** The signature names another text than the one open for signature (422). */
    public static final class ContentHashMismatch extends DomainException {
        public ContentHashMismatch(UUID agreement, ContentHash named, ContentHash actual) {
            super(INVALID, "signature-names-content-hash", "the signature names content hash " + named + " but agreement " + agreement
                    + " is open for signature with content hash " + actual + "; read the agreement again and sign its text");
        }
    }

    /**
     * A region that is not a party signs an agreement that is open for signature (422): the parties are fixed
     * when the text is; a region joins only a signed agreement (accession), or is added to a draft.
     */
    public static final class NotAParty extends DomainException {
        public NotAParty(UUID agreement, RegionCode region, List<RegionCode> parties) {
            super(INVALID, "only-parties-sign", region + " is not a party to agreement " + agreement + " (parties: "
                    + parties.stream().map(RegionCode::value).collect(Collectors.joining(", "))
                    + "); other regions can accede once it is signed");
        }
    }

    /** A region that has registered signing keys signs without a JWS (422). */
    public static final class JwsRequired extends DomainException {
        public JwsRequired(RegionCode party, String kids) {
            super(INVALID, "jws-required-with-registered-keys", party + " has registered signing keys (" + kids + "), so its signature must carry a jws made"
                    + " with one of them over {agreementId, contentHash, party}; a bearer token alone does not sign for it");
        }
    }

    /** The JWS was made with another region's key than the party's (422). */
    public static final class JwsByAnotherRegion extends DomainException {
        public JwsByAnotherRegion(RegionCode party, RegionCode owner, String kid) {
            super(INVALID, "jws-by-party-key", "the jws was made with the key '" + kid + "' of " + owner + ", not with a key of " + party
                    + ", the party it signs for: a region signs with its own keys only");
        }
    }

    /** The JWS names a key the party has not registered (422). */
    public static final class UnknownSigningKey extends DomainException {
        public UnknownSigningKey(RegionCode party, String kid, String registered) {
            super(INVALID, "jws-key-registered", "the jws names the key '" + kid + "', which " + party + " has not registered ("
                    + (registered.isEmpty() ? "it has no signing keys: sign without jws, or register the key first"
                            : "its keys: " + registered) + ")");
        }
    }

    /** The JWS names one of the party's keys but its signature does not verify with it (422). */
    public static final class JwsDoesNotVerify extends DomainException {
        public JwsDoesNotVerify(RegionCode party, String why) {
            super(INVALID, "jws-verifies", "the jws does not verify as a signature by " + party + ": " + why);
        }
    }

    /** A valid JWS by the party's key, made over another agreement, text or party (422). */
    public static final class JwsOverSomethingElse extends DomainException {
        public JwsOverSomethingElse(RegionCode party, String kid, String mismatches) {
            super(INVALID, "jws-over-this-signature", "the jws verifies with " + party + "'s key '" + kid + "' but was made " + mismatches
                    + "; sign {agreementId, contentHash, party} of this signature");
        }
    }

    /** The text breaks a rule of a well-formed agreement (422). */
    public static final class InvalidDraft extends DomainException {
        public InvalidDraft(String detail) {
            super(INVALID, "valid-draft", detail);
        }
    }

    /** A party is not a known, active region in the registry (as replicated from regions.v1) (422). */
    public static final class IneligibleRegions extends DomainException {
        public IneligibleRegions(List<RegionCode> unknown, List<RegionCode> deactivated) {
            super(INVALID, "parties-known-and-active", describe(unknown, deactivated));
        }

        private static String describe(List<RegionCode> unknown, List<RegionCode> deactivated) {
            var parts = new java.util.ArrayList<String>();
            if (!unknown.isEmpty()) {
                parts.add("unknown region" + (unknown.size() > 1 ? "s " : " ") + join(unknown));
            }
            if (!deactivated.isEmpty()) {
                parts.add("deactivated region" + (deactivated.size() > 1 ? "s " : " ") + join(deactivated));
            }
            return "every party must be a known, active region: " + String.join("; ", parts);
        }

        private static String join(List<RegionCode> codes) {
            return codes.stream().map(RegionCode::value).collect(Collectors.joining(", "));
        }
    }

    /** A value that is not well-formed, e.g. a region code or content hash in the wrong format (400). */
    public static final class InvalidValue extends DomainException {
        public InvalidValue(String detail) {
            super(MALFORMED, detail);
        }
    }

    /** No agreement has this id (404). */
    public static final class AgreementNotFound extends DomainException {
        public AgreementNotFound(UUID agreement) {
            super(NOT_FOUND, "no agreement " + agreement);
        }
    }

    /** A region that is not a party in force acts as one: withdraws, signs an amendment, objects (422). */
    public static final class NotAPartyInForce extends DomainException {
        public NotAPartyInForce(UUID agreement, RegionCode region, String action) {
            super(INVALID, "party-in-force-acts", region + " is not a party in force of agreement " + agreement + " and cannot " + action
                    + "; only a party that signed, has not withdrawn and for which the agreement is in force can");
        }
    }

    /** A party gives notice of withdrawal twice (409). */
    public static final class WithdrawalAlreadyNotified extends DomainException {
        public WithdrawalAlreadyNotified(UUID agreement, Withdrawal withdrawal, RegionCode party) {
            super(CONFLICT, "notice-given-once", party + " has already given notice of withdrawal from agreement " + agreement
                    + ", effective on " + withdrawal.effectiveOn() + "; a party gives notice once");
        }
    }

    /** An amendment is opened while another one is open (409). */
    public static final class AmendmentAlreadyOpen extends DomainException {
        public AmendmentAlreadyOpen(UUID agreement, int number) {
            super(CONFLICT, "one-open-amendment", "amendment " + number + " of agreement " + agreement
                    + " is open for signature; one amendment is open at a time");
        }
    }

    /** A signature names an amendment that is not the one open for signature (409). */
    public static final class AmendmentNotOpen extends DomainException {
        public AmendmentNotOpen(UUID agreement, int number, Amendment open) {
            super(CONFLICT, "only-open-amendment-signed", "amendment " + number + " of agreement " + agreement + " is not open for signature ("
                    + (open == null ? "none is" : "amendment " + open.number() + " is")
                    + "); only the open amendment can be signed");
        }
    }

    /** An amendment whose text is the current one, or which changes the parties (422). */
    public static final class AmendmentChangesNothing extends DomainException {
        public AmendmentChangesNothing(UUID agreement) {
            super(INVALID, "amendment-changes-text", "the amendment's text is agreement " + agreement
                    + "'s current text; an amendment changes the text");
        }
    }

    /** An amendment that changes who the parties are or who convenes (422): parties join by accession, leave by withdrawal. */
    public static final class AmendmentChangesParties extends DomainException {
        public AmendmentChangesParties(UUID agreement) {
            super(INVALID, "amendment-keeps-parties", "an amendment of agreement " + agreement + " cannot change its parties or convener; "
                    + "regions join by accession and leave by withdrawal");
        }
    }

    /** A party signs the open amendment a second time (409). */
    public static final class AmendmentAlreadySigned extends DomainException {
        public AmendmentAlreadySigned(UUID agreement, int number, RegionCode party) {
            super(CONFLICT, "party-signs-amendment-once", party + " has already signed amendment " + number + " of agreement " + agreement
                    + "; a party signs an amendment once");
        }
    }

    /** An objection to a renewal that will not happen anyway: no automatic renewal, or already objected to (409). */
    public static final class NoRenewalToObjectTo extends DomainException {
        public NoRenewalToObjectTo(UUID agreement, String why) {
            super(CONFLICT, "objection-to-due-renewal", "agreement " + agreement + " will not renew automatically (" + why
                    + "); an objection stops an automatic renewal that is still due");
        }
    }

    /** An objection to the renewal after its deadline (409). */
    public static final class ObjectionDeadlinePassed extends DomainException {
        public ObjectionDeadlinePassed(UUID agreement, java.time.LocalDate deadline) {
            super(CONFLICT, "objection-before-deadline", "objections to the renewal of agreement " + agreement + " closed on " + deadline
                    + "; a party objects on or before the deadline");
        }
    }
}
