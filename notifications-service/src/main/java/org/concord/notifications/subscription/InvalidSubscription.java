package org.concord.notifications.subscription;

import org.concord.platform.web.DomainException;

/** A subscription request the service cannot use (422), with what to fix. */
public class InvalidSubscription extends DomainException {

    public InvalidSubscription(String detail) {
        super(Kind.UNPROCESSABLE, detail);
    }
}
