package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A region taking part in an agreement, with its signature once it has signed, and where it stands once the
 * agreement is in force.
 *
 * @param acceded      true for a region that joined the agreement after it was concluded
 * @param inForceSince the day the agreement took effect for this party (null before)
 * @param withdrawal   its notice of withdrawal, once given
 * @param withdrawnOn  the day its withdrawal took effect (null while it is a party in force)
 */
public record Party(RegionCode region, Signature signature, boolean acceded, LocalDate inForceSince,
        Withdrawal withdrawal, LocalDate withdrawnOn) {

    public Party {
        Objects.requireNonNull(region, "region");
        if (signature != null && !signature.party().equals(region)) {
            throw new IllegalArgumentException("signature of " + signature.party() + " given to party " + region);
        }
    }

    public Party(RegionCode region, Signature signature, boolean acceded) {
        this(region, signature, acceded, null, null, null);
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

    /** Signed and not withdrawn: a party the agreement binds (or will, once in force). */
    public boolean current() {
        return signed() && withdrawnOn == null;
    }

    /** In force for this party now. */
    public boolean inForce() {
        return inForceSince != null && withdrawnOn == null;
    }

    Party signedWith(Signature signature) {
        return new Party(region, signature, acceded, inForceSince, withdrawal, withdrawnOn);
    }

    Party inForceFrom(LocalDate day) {
        return inForceSince != null || !signed() ? this : new Party(region, signature, acceded, day, withdrawal, withdrawnOn);
    }

    Party notifying(Withdrawal notice) {
        return new Party(region, signature, acceded, inForceSince, notice, withdrawnOn);
    }

    Party withdrawnOn(LocalDate day) {
        return new Party(region, signature, acceded, inForceSince, withdrawal, day);
    }
}
