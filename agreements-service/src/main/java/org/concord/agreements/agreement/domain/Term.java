package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidDraft;

import java.time.LocalDate;


/**
 * When the agreement is in force: from {@code effectiveFrom} through {@code until} (both days included), or
 * indefinitely when {@code until} is null.
 */
public record Term(LocalDate effectiveFrom, LocalDate until) {

    public Term {
        if (effectiveFrom == null) {
            throw new InvalidDraft("term.effectiveFrom is required");
        }
        if (until != null && !until.isAfter(effectiveFrom)) {
            throw new InvalidDraft("term.until (" + until + ") must be after term.effectiveFrom (" + effectiveFrom + ")");
        }
    }

    /** The first day the agreement is no longer in force; null for an open-ended term. */
    public LocalDate firstDayOutOfForce() {
        return until == null ? null : until.plusDays(1);
    }

    /** Whether the term has ended by {@code today}, i.e. {@code today} is after {@code until}. */
    public boolean hasEndedBy(LocalDate today) {
        return until != null && today.isAfter(until);
    }
}
