package org.concord.regions.portfolio.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One agreement of a region's portfolio, with the region's own signing state and since when it binds the region;
 * partyCount counts the parties that have not withdrawn; contentHash and textVersion name the current text.
 */
public record RegionAgreement(String id, String title, String status, long version, boolean signed, Instant signedAt,
        long partyCount, LocalDate inForceSince, String contentHash, int textVersion) {
}
