package org.concord.agreements.agreement.domain;

import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;
import org.concord.agreements.agreement.domain.AgreementRefusals.JwsByAnotherRegion;
import org.concord.agreements.agreement.domain.AgreementRefusals.JwsDoesNotVerify;
import org.concord.agreements.agreement.domain.AgreementRefusals.JwsOverSomethingElse;
import org.concord.agreements.agreement.domain.AgreementRefusals.JwsRequired;
import org.concord.agreements.agreement.domain.AgreementRefusals.UnknownSigningKey;
import org.concord.evidence.Algorithm;
import org.concord.evidence.EvidenceException;
import org.concord.evidence.Json;
import org.concord.evidence.Jwk;
import org.concord.evidence.JwkSet;
import org.concord.evidence.Jws;
import org.concord.evidence.SignatureMethod;
import org.concord.evidence.SignaturePayload;

/**
 * How a signature was made, and what proves it beyond the service's word: the signatory's compact JWS over
 * {@code {agreementId, contentHash, party}} and the region's key it verifies with (kept, so the evidence bundle can
 * show it after the region rotated its keys), or only a bearer token, where the region has registered no key.
 *
 * <p>The rule ({@link #check}): a region that has registered keys signs with one of them, always; a JWS must verify
 * with a key of the party it signs for (one of another region's keys, a key the party never registered, a signature
 * that does not verify: refused, saying which) and be made for this agreement, this text and this party. A region
 * without keys signs with its bearer token alone, and the signature is marked {@code bearer-token}.
 *
 * @param jws the compact JWS, null for a bearer-token signature
 * @param key the region's public key the JWS verifies with, null for a bearer-token signature
 */
public record SignatureEvidence(SignatureMethod method, String jws, Jwk key) {

    public SignatureEvidence {
        Objects.requireNonNull(method, "method");
        if ((method == SignatureMethod.JWS) != (jws != null && key != null)) {
            throw new IllegalArgumentException("a jws signature has its JWS and key, a bearer-token one neither");
        }
    }

    /** Signed on the strength of a bearer token alone: the service's word. */
    public static SignatureEvidence bearerToken() {
        return new SignatureEvidence(SignatureMethod.BEARER_TOKEN, null, null);
    }

    /** A JWS already checked (as stored with the signature). */
    public static SignatureEvidence jws(String jws, Jwk key) {
        return new SignatureEvidence(SignatureMethod.JWS, jws, key);
    }

    public boolean byKey() {
        return method == SignatureMethod.JWS;
    }

    /**
     * The evidence of {@code party}'s signature on {@code agreement}'s text {@code contentHash}: its JWS checked
     * against the keys regions registered, or a bearer-token signature when it brings none and its region has no key.
     *
     * @param jws the compact JWS the signature request carries, or null
     */
    public static SignatureEvidence check(String jws, SigningKeys keys, UUID agreement, ContentHash contentHash,
            RegionCode party) {
        JwkSet partyKeys = keys.of(party);
        if (jws == null) {
            if (!partyKeys.keys().isEmpty()) {
                throw new JwsRequired(party, kids(partyKeys));
            }
            return bearerToken();
        }
        Jws parsed = parse(jws);
        Jwk key = verifiedKey(parsed, keys, partyKeys, party);
        SignaturePayload payload;
        try {
            payload = SignaturePayload.fromJson(parsed.payloadJson());
        } catch (EvidenceException e) {
            throw new InvalidValue("the jws payload is not {agreementId, contentHash, party}: " + e.getMessage());
        }
        var mismatches = new ArrayList<String>();
        if (!payload.agreementId().equals(agreement.toString())) {
            mismatches.add("for agreement " + payload.agreementId() + ", not " + agreement);
        }
        if (!payload.contentHash().equals(contentHash.value())) {
            mismatches.add("over content hash " + payload.contentHash() + ", not the agreement's " + contentHash);
        }
        if (!payload.party().equals(party.value())) {
            mismatches.add("for party " + payload.party() + ", not " + party);
        }
        if (!mismatches.isEmpty()) {
            throw new JwsOverSomethingElse(party, key.kid(), String.join("; ", mismatches));
        }
        return jws(jws, key);
    }

    private static Jws parse(String jws) {
        try {
            return Jws.parse(jws);
        } catch (EvidenceException e) {
            throw new InvalidValue("jws is not a compact JWS (header.payload.signature, base64url): " + e.getMessage());
        }
    }

    /** The party's key the JWS verifies with; otherwise a refusal that says whose key it is, or why it fails. */
    private static Jwk verifiedKey(Jws jws, SigningKeys keys, JwkSet partyKeys, RegionCode party) {
        Object alg = jws.header().get("alg");
        if (!(alg instanceof String name) || Algorithm.byJwsName(name).isEmpty() || jws.header().containsKey("crit")) {
            throw new JwsDoesNotVerify(party, "its header must name alg ES256 or EdDSA and no crit, it is "
                    + Json.write(jws.header()));
        }
        try {
            return jws.verify(partyKeys);
        } catch (EvidenceException failure) {
            Optional<Map.Entry<RegionCode, Jwk>> other = anotherRegionsKey(jws, keys, party);
            if (other.isPresent()) {
                throw new JwsByAnotherRegion(party, other.get().getKey(), other.get().getValue().kid());
            }
            String kid = jws.kid();
            if (kid != null && partyKeys.find(kid).isEmpty()) {
                throw new UnknownSigningKey(party, kid, kids(partyKeys));
            }
            throw new JwsDoesNotVerify(party, failure.getMessage());
        }
    }

    private static Optional<Map.Entry<RegionCode, Jwk>> anotherRegionsKey(Jws jws, SigningKeys keys, RegionCode party) {
        for (var region : keys.all().entrySet()) {
            if (region.getKey().equals(party)) {
                continue;
            }
            for (Jwk key : region.getValue().keys()) {
                try {
                    jws.verify(JwkSet.of(new Jwk(jws.kid() == null ? key.kid() : jws.kid(), key.algorithm(),
                            key.publicKey())));
                    return Optional.of(Map.entry(region.getKey(), key));
                } catch (EvidenceException notThisOne) {
                    // try the next key
                }
            }
        }
        return Optional.empty();
    }

    private static String kids(JwkSet keys) {
        return keys.keys().stream().map(key -> "'" + key.kid() + "'").collect(Collectors.joining(", "));
    }
}
