package org.concord.regions.region.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.concord.evidence.EvidenceException;
import org.concord.evidence.Jwk;
import org.concord.evidence.JwkSet;

/**
 * The public keys a region's signatories sign agreements with (docs/evidence.md, "region keys"): a JWK set of ES256
 * (EC P-256) and EdDSA (OKP Ed25519) keys, each with a kid of its own in the set, none with a private part. Kept
 * with every key's {@code alg} and {@code use} written out, as an evidence bundle needs them.
 */
public record SigningKeys(JwkSet keys) {

    /** How many keys a region may have at once: the current ones and those it is rotating to. */
    public static final int MAX_KEYS = 10;

    public static final SigningKeys NONE = new SigningKeys(JwkSet.of());

    public SigningKeys {
        Objects.requireNonNull(keys, "keys");
        if (keys.keys().size() > MAX_KEYS) {
            throw new InvalidRegion("a region registers at most " + MAX_KEYS + " signing keys, not "
                    + keys.keys().size() + "; remove the ones it no longer signs with");
        }
    }

    /**
     * Reads a JWK set a region registers, {@code {"keys": [...]}} as plain JSON values. Refuses (422) what cannot
     * sign evidence: a private part ({@code d}), a key type other than EC P-256 and OKP Ed25519, an {@code alg} other
     * than ES256 and EdDSA, a point off the curve, two keys with one kid.
     */
    public static SigningKeys of(Object json) {
        try {
            return new SigningKeys(JwkSet.fromJson(json, "the key set"));
        } catch (EvidenceException e) {
            throw new InvalidRegion(e.getMessage());
        }
    }

    public List<Jwk> list() {
        return keys.keys();
    }

    public boolean isEmpty() {
        return keys.keys().isEmpty();
    }

    /** The RFC 7638 thumbprints: what identifies a key whatever its kid. */
    public Set<String> thumbprints() {
        return keys.keys().stream().map(Jwk::thumbprint).collect(Collectors.toUnmodifiableSet());
    }

    /** The same keys under the same kids (their order aside). */
    public boolean sameAs(SigningKeys other) {
        return describe().equals(other.describe());
    }

    private Set<String> describe() {
        return keys.keys().stream().map(key -> key.kid() + "=" + key.thumbprint()).collect(Collectors.toSet());
    }
}
