package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.util.Objects;

/** A party's objection to the automatic renewal of the current term: the term then ends as written. */
public record RenewalObjection(RegionCode party, String reason, Instant at) {

    public RenewalObjection {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
