package org.concord.regions.region.application;

import org.concord.platform.domain.ExpectedVersion;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.concord.platform.usecase.UseCases;
import org.concord.regions.region.domain.InvalidRegion;
import org.concord.regions.region.domain.KeyRefusals;
import org.concord.regions.region.domain.KeyRegistrant;
import org.concord.regions.region.domain.SigningKeys;
import org.concord.regions.region.domain.Region;
import org.concord.regions.region.domain.RegionAlreadyRegistered;
import org.concord.regions.region.domain.RegionCode;
import org.concord.regions.region.domain.RegionDetails;
import org.concord.regions.region.domain.RegionFilter;
import org.concord.regions.region.domain.RegionNotFound;
import org.concord.regions.region.persistence.RegionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The registry's use cases. Each change is one use case ({@link UseCases}): it writes the region and announces
 * it ({@link RegionChanges}: full snapshot to the outbox) in one transaction, so the event is published if and only
 * if the change committed; a change that lost a race with another runs again from a fresh read.
 */
@Service
public class RegionService {

    private static final Logger log = LoggerFactory.getLogger(RegionService.class);

    private final RegionRepository regions;
    private final RegionChanges changes;
    private final UseCases useCases;

    public RegionService(RegionRepository regions, RegionChanges changes, UseCases useCases) {
        this.regions = regions;
        this.changes = changes;
        this.useCases = useCases;
    }

    public Mono<Region> get(String code) {
        return Mono.fromCallable(() -> knownCode(code))
                .flatMap(regions::find)
                .switchIfEmpty(Mono.error(() -> new RegionNotFound(code)));
    }

    public Mono<Page<Region>> list(RegionFilter filter, PageQuery page) {
        return regions.list(filter, page);
    }

    /** Registers a new region: refused if the data breaks a rule, or if the code is taken (codes are never reused). */
    public Mono<Region> register(String code, RegionDetails details) {
        return useCases.run(() -> Mono.fromCallable(() -> Region.register(RegionCode.of(code), details))
                .flatMap(region -> regions.exists(region.code())
                        .flatMap(exists -> exists
                                ? Mono.<Region>error(new RegionAlreadyRegistered(region.code()))
                                : regions.insert(region).then(changes.registered(region)).thenReturn(region))
                        // two registrations of one code racing each other: the primary key decides
                        .onErrorMap(DataIntegrityViolationException.class, e -> new RegionAlreadyRegistered(region.code()))))
                .doOnNext(region -> log.info("region {} registered ({}, {})", region.code(),
                        region.details().name(), region.details().type()));
    }

    /** Replaces the region's details; the change must name the current version. */
    public Mono<Region> update(String code, ExpectedVersion expected, RegionDetails details) {
        return useCases.run(() -> get(code).flatMap(current -> {
            expected.check(current.version(), true);
            Region updated = current.update(details);
            return regions.update(updated, current.version()).then(changes.updated(updated)).thenReturn(updated);
        })).doOnNext(region -> log.info("region {} updated (version {})", region.code(), region.version()));
    }

    /**
     * Replaces the public keys the region's signatories sign with (its own signatory or an admin); the change must
     * name the current version. A key another region holds is refused: with it one region could sign as the other.
     * The new keys travel to agreements-service in the region's snapshot ({@code concord.region.updated}).
     *
     * @param keys the JWK set, as plain JSON values
     */
    public Mono<Region> replaceKeys(String code, ExpectedVersion expected, Object keys, KeyRegistrant registrant) {
        return useCases.run(() -> get(code).flatMap(current -> {
            Region changed = current.replaceKeys(SigningKeys.of(keys), registrant);
            expected.check(current.version(), true);
            if (changed == current) {
                return Mono.just(current);
            }
            return regions.keyOwners(changed.keys().thumbprints())
                    .flatMap(owners -> {
                        var foreign = owners.entrySet().stream()
                                .filter(owner -> !owner.getValue().equals(code)).findFirst();
                        return foreign.isPresent()
                                ? Mono.<Region>error(new KeyRefusals.KeyOfAnotherRegion(foreign.get().getKey(),
                                        foreign.get().getValue(), changed.code()))
                                : regions.update(changed, current.version())
                                        .then(regions.replaceKeyOwnership(changed.code(), changed.keys()))
                                        .then(changes.updated(changed))
                                        .thenReturn(changed);
                    })
                    .doOnNext(region -> log.info("region {} signs with {} key(s) from now on ({}, version {})",
                            region.code(), region.keys().list().size(), registrant.subject(), region.version()));
        }));
    }

    /**
     * Takes the region out of use. The row stays (agreements that name it keep their meaning); deactivating a
     * deactivated region changes nothing and emits nothing.
     */
    public Mono<Region> deactivate(String code) {
        return useCases.run(() -> get(code).flatMap(current -> {
            if (!current.canDeactivate()) {
                return Mono.just(current);
            }
            Region deactivated = current.deactivate();
            return regions.update(deactivated, current.version()).then(changes.deactivated(deactivated))
                    .thenReturn(deactivated)
                    .doOnNext(region -> log.info("region {} deactivated", region.code()));
        }));
    }

    private static RegionCode knownCode(String code) {
        try {
            return RegionCode.of(code);
        } catch (InvalidRegion e) {
            // a code that cannot exist is simply not in the registry
            throw new RegionNotFound(code);
        }
    }
}
