package org.concord.regions.region.application;

import org.concord.regions.region.domain.Region;
import org.concord.regions.region.domain.RegionCode;
import org.concord.regions.region.persistence.RegionRepository;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.concord.platform.usecase.UseCases;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the reference data. Migrations insert regions straight into the table, bypassing the service,
 * so at startup every region that never had an event gets a {@code concord.region.registered} event with
 * its current snapshot, appended to the outbox in the same transaction that marks it announced. A consumer
 * starting from an empty database can then build its replica from the compacted regions topic alone.
 *
 * <p>Runs once per region and database: the flag survives restarts; a crash before commit leaves the region
 * unannounced for the next start; two instances starting together serialise on the row lock and only one
 * appends. It runs before the web server and the bindings start, so no API change can come first.
 */
@Component
public class ReferenceDataAnnouncer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataAnnouncer.class);

    private final RegionRepository regions;
    private final RegionChanges changes;
    private final UseCases useCases;

    public ReferenceDataAnnouncer(RegionRepository regions, RegionChanges changes, UseCases useCases) {
        this.regions = regions;
        this.changes = changes;
        this.useCases = useCases;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Long announced = announceAll().block(Duration.ofMinutes(1));
        if (announced != null && announced > 0) {
            log.info("announced {} reference regions on the regions topic", announced);
        }
    }

    Mono<Long> announceAll() {
        return regions.unannounced()
                .collectList() // read them all first: each announcement is a transaction of its own
                .flatMapMany(Flux::fromIterable)
                .concatMap(this::announce)
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> announce(RegionCode code) {
        return useCases.run(() -> regions.claimAnnouncement(code)
                .flatMap(claimed -> claimed
                        ? regions.find(code).flatMap(this::announce).thenReturn(true)
                        : Mono.just(false)));
    }

    // A migration could insert a region already deactivated: its first event then says so (a registered
    // event always carries an active region).
    private Mono<Void> announce(Region region) {
        return region.active() ? changes.registered(region) : changes.deactivated(region);
    }
}
