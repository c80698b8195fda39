package org.concord.regions.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * What the portfolio keeps of an agreement: the latest snapshot seen (highest version), with each party's
 * signing state. Built from the agreement events; never shared with the agreements service.
 */
public record AgreementView(String id, String title, String status, long version, List<Party> parties) {

    public AgreementView {
        parties = List.copyOf(parties);
    }

    public record Party(String region, boolean signed, Instant signedAt) {
    }

    /** The projection rule: a snapshot replaces the stored one only if it is newer; older or equal ones change nothing. */
    public static boolean supersedes(long incomingVersion, Long storedVersion) {
        return storedVersion == null || incomingVersion > storedVersion;
    }
}
