package org.concord.notifications.subscription;

import java.util.UUID;

import org.concord.platform.web.DomainException;

/** No subscription with this id (or it was deleted): 404. */
public class SubscriptionNotFound extends DomainException {

    public SubscriptionNotFound(UUID id) {
        super(Kind.NOT_FOUND, "there is no subscription " + id);
    }
}
