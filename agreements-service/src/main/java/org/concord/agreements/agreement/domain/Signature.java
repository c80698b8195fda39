package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One party's signature: who signed for which region, when, on which text (its content hash), and how (its
 * {@link SignatureEvidence}: the signatory's JWS, or a bearer token alone).
 */
public record Signature(RegionCode party, Signatory signatory, Instant signedAt, ContentHash contentHash,
        SignatureEvidence evidence) {

    public Signature {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(signatory, "signatory");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(evidence, "evidence");
    }
}
