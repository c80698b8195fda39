package org.concord.agreements.agreement.domain;

import static org.concord.agreements.agreement.domain.AgreementText.required;
import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidDraft;


import java.time.LocalDate;


/** Where and when the parties sign, e.g. the 2024 China-ASEAN ... Promotion Event, Nanning, 2024-09-24. */
public record SigningEvent(String name, String venue, LocalDate date) {

    public SigningEvent {
        name = required(name, "signingEvent.name");
        venue = required(venue, "signingEvent.venue");
        if (date == null) {
            throw new InvalidDraft("signingEvent.date is required");
        }
    }
}
