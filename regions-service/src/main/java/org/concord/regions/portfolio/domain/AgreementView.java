package org.concord.regions.portfolio.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the portfolio keeps of an agreement: the latest snapshot seen (highest version: last version wins), with
 * each party's signing state. Built from the agreement events; never shared with the agreements service.
 */
public record AgreementView(String id, String title, String status, long version, List<Party> parties) {

    public AgreementView {
        parties = List.copyOf(parties);
    }

    public record Party(String region, boolean signed, Instant signedAt) {
    }
}
