package org.concord.notifications.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's own view of an {@code agreements.v1} event: the CloudEvent attributes it uses and the part of
 * the data it reads (the contract's schemas are the agreement; no domain classes are shared between services).
 */
public record AgreementEvent(String id, String type, Instant time, Data data) {

    public static final String TYPE_PREFIX = "concord.agreement.";

    public Agreement agreement() {
        return data.agreement();
    }

    /** The part of {@code concord.agreement.*} that names what happened, e.g. {@code signature-recorded}. */
    public String change() {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    public List<String> partyRegions() {
        return agreement().parties().stream().map(Party::region).distinct().toList();
    }

    /** The event data: the agreement's snapshot and what changed (fields present per event type). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(Agreement agreement, Signature signature, Integer signatureCount, Integer partyCount,
            Instant concludedAt, String reason, LocalDate expiredOn, String contentHash) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agreement(String id, String title, String status, String convener, String counterpart,
            List<Party> parties, Long version) {

        public Agreement {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String region, boolean signed, Instant signedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signature(String party, Signatory signatory, Instant signedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signatory(String name, String title, String organisation) {
    }
}
