package org.concord.regions.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.concord.platform.cloudevents.InvalidCloudEventException;
import org.concord.regions.portfolio.AgreementView;

/**
 * This service's own reading of an {@code agreements.v1} event: only the agreement snapshot, and of it only
 * what the portfolio keeps. Everything else in the event is ignored, so the agreements service can add
 * properties without breaking us (no shared domain classes: the contract is the schema).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AgreementEvent(Agreement agreement) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Agreement(String id, String title, String status, Long version, List<Party> parties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Party(String region, boolean signed, Instant signedAt) {
    }

    /** The portfolio's view; refuses an event without the parts every agreement event must carry. */
    AgreementView toView() {
        if (agreement == null) {
            throw new InvalidCloudEventException("agreement event without an agreement snapshot");
        }
        if (agreement.id() == null || agreement.status() == null || agreement.version() == null
                || agreement.parties() == null) {
            throw new InvalidCloudEventException("agreement snapshot without id, status, version or parties");
        }
        List<AgreementView.Party> parties = agreement.parties().stream()
                .peek(party -> {
                    if (party == null || party.region() == null) {
                        throw new InvalidCloudEventException("agreement " + agreement.id() + " has a party without region");
                    }
                })
                .map(party -> new AgreementView.Party(party.region(), party.signed(), party.signedAt()))
                .toList();
        String title = agreement.title() == null ? "" : agreement.title();
        return new AgreementView(agreement.id(), title, agreement.status(), agreement.version(), parties);
    }
}
