package org.concord.regions.region.application;

import org.concord.regions.region.domain.Region;
import reactor.core.publisher.Mono;

/** Where the registry's changes are announced to other services, in the transaction of the change (the outbox). */
public interface RegionChanges {

    Mono<Void> registered(Region region);

    Mono<Void> updated(Region region);

    Mono<Void> deactivated(Region region);
}
