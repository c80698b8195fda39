package org.concord.regions.portfolio.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the portfolio keeps of an agreement: the latest snapshot seen (highest version: last version wins), with
 * the current text (its hash and version) and each party's signing state, entry into force and withdrawal. Built
 * from the agreement events; never shared with the agreements service.
 */
public record AgreementView(String id, String title, String status, long version, String contentHash, int textVersion,
        List<Party> parties) {

    public AgreementView {
        parties = List.copyOf(parties);
    }

    /** One party: whether and when it signed, since when the agreement binds it, and when it left (null while a party). */
    public record Party(String region, boolean signed, Instant signedAt, LocalDate inForceSince, LocalDate withdrawnOn) {

        public Party(String region, boolean signed, Instant signedAt) {
            this(region, signed, signedAt, null, null);
        }
    }
}
