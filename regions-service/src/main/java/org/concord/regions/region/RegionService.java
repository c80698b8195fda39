package org.concord.regions.region;

import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxEvent;
import org.concord.platform.web.DomainException;
import org.concord.platform.web.ETags;
import org.concord.platform.web.Page;
import org.concord.platform.web.PageQuery;
import org.concord.regions.region.RegionEvents.RegionSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The registry's use cases. Each change is one transaction that writes the region and appends its event
 * (full snapshot) to the outbox, so the event is published if and only if the change committed.
 */
@Service
public class RegionService {

    private static final Logger log = LoggerFactory.getLogger(RegionService.class);

    private final RegionRepository regions;
    private final Outbox outbox;
    private final ConcordTopics topics;
    private final TransactionalOperator tx;

    public RegionService(RegionRepository regions, Outbox outbox, ConcordTopics topics, TransactionalOperator tx) {
        this.regions = regions;
        this.outbox = outbox;
        this.topics = topics;
        this.tx = tx;
    }

    public Mono<Region> get(String code) {
        return Mono.fromCallable(() -> knownCode(code))
                .flatMap(regions::find)
                .switchIfEmpty(Mono.error(() -> new RegionNotFoundException(code)));
    }

    public Mono<Page<Region>> list(RegionFilter filter, PageQuery page) {
        return regions.list(filter, page);
    }

    /** Registers a new region: 422 if the data breaks a rule, 409 if the code is taken (codes are never reused). */
    public Mono<Region> register(String code, RegionDetails details) {
        return Mono.fromCallable(() -> Region.register(RegionCode.of(code), details))
                .flatMap(region -> regions.exists(region.code())
                        .flatMap(exists -> exists
                                ? Mono.<Region>error(new RegionAlreadyRegisteredException(region.code()))
                                : regions.insert(region)
                                        .then(append(RegionEvents.REGISTERED, region))
                                        .thenReturn(region))
                        // two registrations of one code racing each other: the primary key decides
                        .onErrorMap(DataIntegrityViolationException.class,
                                e -> new RegionAlreadyRegisteredException(region.code())))
                .as(tx::transactional)
                .doOnNext(region -> log.info("region {} registered ({}, {})", region.code(),
                        region.details().name(), region.details().type()));
    }

    /** Replaces the region's details; needs the current ETag in {@code If-Match} (428 without, 412 if stale). */
    public Mono<Region> update(String code, String ifMatch, RegionDetails details) {
        return get(code)
                .flatMap(current -> {
                    ETags.requireMatch(ifMatch, current.version());
                    Region updated = current.update(details);
                    return save(current, updated, RegionEvents.UPDATED);
                })
                .as(tx::transactional)
                .doOnNext(region -> log.info("region {} updated (version {})", region.code(), region.version()));
    }

    /**
     * Takes the region out of use. The row stays (agreements that name it keep their meaning); deactivating a
     * deactivated region changes nothing and emits nothing.
     */
    public Mono<Region> deactivate(String code) {
        return get(code)
                .flatMap(current -> current.canDeactivate()
                        ? save(current, current.deactivate(), RegionEvents.DEACTIVATED)
                                .doOnNext(region -> log.info("region {} deactivated", region.code()))
                        : Mono.just(current))
                .as(tx::transactional);
    }

    private Mono<Region> save(Region current, Region changed, String eventType) {
        return regions.update(changed, current.version())
                .flatMap(written -> written
                        ? append(eventType, changed).thenReturn(changed)
                        : Mono.error(new DomainException(DomainException.Kind.PRECONDITION_FAILED,
                                "region " + current.code() + " was changed by someone else meanwhile; "
                                        + "read it again and retry with its new ETag")));
    }

    Mono<Void> append(String eventType, Region region) {
        String code = region.code().value();
        return outbox.append(OutboxEvent.of(topics.regions(), code, eventType, code, RegionSnapshot.of(region)));
    }

    private static RegionCode knownCode(String code) {
        try {
            return RegionCode.of(code);
        } catch (InvalidRegionException e) {
            // a code that cannot exist is simply not in the registry
            throw new RegionNotFoundException(code);
        }
    }
}
