package org.concord.notifications.delivery;

import java.util.UUID;

import org.concord.platform.web.DomainException;

/** No such delivery for this subscription: 404. */
public class DeliveryNotFound extends DomainException {

    public DeliveryNotFound(UUID subscriptionId, UUID deliveryId) {
        super(Kind.NOT_FOUND, "subscription " + subscriptionId + " has no delivery " + deliveryId);
    }
}
