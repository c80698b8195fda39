package org.concord.agreements.agreement.domain;

import java.util.Objects;

/** What a draft says: its text, and the provisions that will govern the agreement once signed. */
public record Drafting(AgreementText text, Provisions provisions) {

    public Drafting {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provisions, "provisions");
    }
}
