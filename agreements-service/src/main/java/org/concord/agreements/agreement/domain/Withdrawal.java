package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A party's written notice that it leaves an agreement in force, effective once the notice period has run. */
public record Withdrawal(Instant notifiedAt, LocalDate effectiveOn, String reason) {

    public Withdrawal {
        Objects.requireNonNull(notifiedAt, "notifiedAt");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(reason, "reason");
    }
}
