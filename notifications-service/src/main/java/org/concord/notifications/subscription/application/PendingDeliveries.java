package org.concord.notifications.subscription.application;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * What is still pending for a subscription, claimed for a send or not: cancelled when it is deleted, in the
 * deletion's transaction.
 */
public interface PendingDeliveries {

    /** @return how many deliveries were cancelled */
    Mono<Long> cancelFor(UUID subscriptionId);
}
