package org.concord.notifications.delivery.domain;

import java.util.UUID;

import org.concord.platform.domain.DomainException;

/** No such delivery for this subscription: 404. */
public class DeliveryNotFound extends DomainException {

    public DeliveryNotFound(UUID subscriptionId, UUID deliveryId) {
        super(Meaning.NOT_FOUND, "subscription " + subscriptionId + " has no delivery " + deliveryId);
    }
}
