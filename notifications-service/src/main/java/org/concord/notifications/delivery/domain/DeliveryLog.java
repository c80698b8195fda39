package org.concord.notifications.delivery.domain;

import java.util.List;

/** A delivery with every attempt made so far, as the delivery log shows it. */
public record DeliveryLog(Delivery delivery, List<DeliveryAttempt> attempts) {
}
