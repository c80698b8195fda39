package org.concord.notifications.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;


/**
 * What happened to an agreement, as this service reads an {@code agreements.v1} event: the CloudEvent attributes
 * it uses and the part of the data it reads (the contract's schemas are the agreement; no domain classes are
 * shared between services). Data without an agreement snapshot with id, title and parties cannot be read.
 */
public record AgreementChange(String id, String type, Instant time, Data data) {

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
    public record Data(Agreement agreement, Signature signature, Integer signatureCount, Integer partyCount,
            Instant concludedAt, String reason, LocalDate expiredOn, String contentHash) {

        public Data {
            if (agreement == null || agreement.id() == null || agreement.title() == null
                    || agreement.parties().isEmpty()) {
                throw new IllegalArgumentException("no agreement snapshot with id, title and parties");
            }
        }
    }

    public record Agreement(String id, String title, String status, String convener, String counterpart,
            List<Party> parties, Long version) {

        public Agreement {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    public record Party(String region, boolean signed, Instant signedAt) {
    }

    public record Signature(String party, Signatory signatory, Instant signedAt) {
    }

    public record Signatory(String name, String title, String organisation) {
    }
}
