package org.concord.notifications.subscription.domain;

import java.util.UUID;

import org.concord.platform.domain.DomainException;

/** No subscription with this id (or it was deleted): 404. */
public class SubscriptionNotFound extends DomainException {

    public SubscriptionNotFound(UUID id) {
        super(Meaning.NOT_FOUND, "there is no subscription " + id);
    }
}
