package org.concord.agreements.agreement.domain;

import java.time.LocalDate;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidDraft;

/**
 * When an agreement takes effect, chosen per agreement: on the last signature ({@link Rule#ALL_SIGNATURES}, the
 * default), on the {@code quorum}th signature ({@link Rule#QUORUM}), on a {@code date} once every party has signed
 * ({@link Rule#ON_DATE}), or for each party on its own signature ({@link Rule#ON_OWN_SIGNATURE}).
 *
 * @param quorum QUORUM only: how many signatures put it in force
 * @param date   ON_DATE only: the day it enters into force (or its conclusion, if that comes later)
 */
public record EntryIntoForce(Rule rule, Integer quorum, LocalDate date) {

    public static final EntryIntoForce ON_ALL_SIGNATURES = new EntryIntoForce(Rule.ALL_SIGNATURES, null, null);

    public enum Rule {
        ALL_SIGNATURES, QUORUM, ON_DATE, ON_OWN_SIGNATURE
    }

    public EntryIntoForce {
        if (rule == null) {
            throw new InvalidDraft("entryIntoForce.rule is required (ALL_SIGNATURES, QUORUM, ON_DATE, ON_OWN_SIGNATURE)");
        }
        if ((rule == Rule.QUORUM) != (quorum != null)) {
            throw new InvalidDraft("entryIntoForce.quorum is given with the QUORUM rule, and only with it");
        }
        if (quorum != null && quorum < 1) {
            throw new InvalidDraft("entryIntoForce.quorum must be at least 1, was " + quorum);
        }
        if ((rule == Rule.ON_DATE) != (date != null)) {
            throw new InvalidDraft("entryIntoForce.date is given with the ON_DATE rule, and only with it");
        }
    }

    /** Whether the agreement as a whole waits for every party's signature before it can enter into force. */
    boolean needsEverySignature() {
        return rule == Rule.ALL_SIGNATURES || rule == Rule.ON_DATE;
    }
}
