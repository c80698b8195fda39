package org.concord.notifications.delivery.application;

import java.time.Instant;

import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.subscription.domain.Subscription;
import reactor.core.publisher.Mono;

/** Where a finished delivery is announced to other services, in the transaction that finishes it (the outbox). */
public interface DeliveryOutcomes {

    Mono<Void> delivered(Delivery delivery, Subscription subscription, Instant at);

    Mono<Void> failed(Delivery delivery, Subscription subscription, String reason, Instant at);
}
