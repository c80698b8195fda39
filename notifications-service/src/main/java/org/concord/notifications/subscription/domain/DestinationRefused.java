package org.concord.notifications.subscription.domain;

import org.concord.platform.domain.DomainException;

/** A webhook URL the SSRF guard refuses (422): the detail names the reason, e.g. the loopback address it resolves to. */
public class DestinationRefused extends DomainException {

    public DestinationRefused(String reason) {
        super(Meaning.INVALID, "this URL cannot receive webhooks: " + reason
                + " (local receivers must be listed in concord.webhooks.allowed-hosts)");
    }
}
