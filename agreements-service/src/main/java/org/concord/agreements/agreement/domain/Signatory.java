package org.concord.agreements.agreement.domain;

import static org.concord.agreements.agreement.domain.AgreementText.required;


/** The person who signs for a party, e.g. a deputy director-general of a department of commerce. */
public record Signatory(String name, String title, String organisation) {

    public Signatory {
        name = required(name, "signatory.name");
        title = required(title, "signatory.title");
        organisation = required(organisation, "signatory.organisation");
    }
}
