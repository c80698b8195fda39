package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A region taking part in an agreement, with its signature once it has signed.
 *
 * @param acceded true for a region that joined the agreement after it was concluded
 */
public record Party(RegionCode region, Signature signature, boolean acceded) {

    public Party {
        Objects.requireNonNull(region, "region");
        if (signature != null && !signature.party().equals(region)) {
            throw new IllegalArgumentException("signature of " + signature.party() + " given to party " + region);
        }
    }

    static List<Party> unsigned(List<RegionCode> regions) {
        return regions.stream().map(region -> new Party(region, null, false)).toList();
    }

    public boolean signed() {
        return signature != null;
    }

    public Instant signedAt() {
        return signed() ? signature.signedAt() : null;
    }

    Party signedWith(Signature signature) {
        return new Party(region, signature, acceded);
    }
}
