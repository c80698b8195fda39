package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.util.Objects;

/** One party's signature: who signed for which region, when, and on which text (its content hash). */
public record Signature(RegionCode party, Signatory signatory, Instant signedAt, ContentHash contentHash) {

    public Signature {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(signatory, "signatory");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
