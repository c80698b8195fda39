package org.concord.notifications.subscription.domain;

import org.concord.platform.domain.DomainException;

/** A subscription request the service cannot use (422), with what to fix. */
public class InvalidSubscription extends DomainException {

    public InvalidSubscription(String detail) {
        super(Meaning.INVALID, detail);
    }
}
