package org.concord.regions.portfolio.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.concord.regions.portfolio.domain.AgreementView;

/**
 * This service's own reading of the data of an {@code agreements.v1} event: only the agreement snapshot, and of
 * it only what the portfolio keeps (no shared domain classes: the contract is the schema). An event without the
 * parts every agreement event carries cannot be read: it is poison.
 */
record AgreementEventData(Agreement agreement) {

    AgreementEventData {
        if (agreement == null) {
            throw new IllegalArgumentException("agreement event without an agreement snapshot");
        }
    }

    record Agreement(String id, String title, String status, Long version, List<Party> parties, String contentHash,
            Integer textVersion) {

        Agreement {
            if (id == null || status == null || version == null || parties == null) {
                throw new IllegalArgumentException("agreement snapshot without id, status, version or parties");
            }
            if (parties.stream().anyMatch(party -> party == null || party.region() == null)) {
                throw new IllegalArgumentException("agreement " + id + " has a party without region");
            }
        }
    }

    /** inForceSince and withdrawnOn are absent from records published before withdrawals existed: null. */
    record Party(String region, boolean signed, Instant signedAt, LocalDate inForceSince, LocalDate withdrawnOn) {
    }

    /** The portfolio's view of the snapshot; a snapshot from before amendments existed has text version 1. */
    AgreementView toView() {
        List<AgreementView.Party> parties = agreement.parties().stream()
                .map(party -> new AgreementView.Party(party.region(), party.signed(), party.signedAt(),
                        party.inForceSince(), party.withdrawnOn()))
                .toList();
        return new AgreementView(agreement.id(), agreement.title() == null ? "" : agreement.title(),
                agreement.status(), agreement.version(), agreement.contentHash(),
                agreement.textVersion() == null ? 1 : agreement.textVersion(), parties);
    }
}
