package org.concord.regions.portfolio.domain;

import java.time.Instant;

/** One agreement of a region's portfolio, with the region's own signing state. */
public record RegionAgreement(String id, String title, String status, long version, boolean signed, Instant signedAt,
        long partyCount) {
}
