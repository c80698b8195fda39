package org.concord.notifications.delivery.domain;

import java.util.Set;
import java.util.UUID;

/**
 * One round's claim on some of an endpoint's due deliveries: the instance that holds it, the token it wrote on each
 * row it got, and those rows. A sender records its attempt only while the row still carries this token; once another
 * claim has taken the row, the record changes nothing.
 */
public record DeliveryClaim(String holder, UUID token, Set<UUID> deliveries) {

    public DeliveryClaim {
        deliveries = Set.copyOf(deliveries);
    }
}
