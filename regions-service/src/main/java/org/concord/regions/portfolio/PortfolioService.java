package org.concord.regions.portfolio;

import org.concord.platform.web.Page;
import org.concord.platform.web.PageQuery;
import org.concord.regions.portfolio.PortfolioRepository.Partner;
import org.concord.regions.portfolio.PortfolioRepository.RegionAgreement;
import org.concord.regions.region.Region;
import org.concord.regions.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Each region's cooperation portfolio: the agreements it is party to and the regions it signed with.
 * A projection of the agreements topic; {@link #apply} runs inside the caller's transaction (the
 * idempotent consumer's), so the effect and the record of the event commit together.
 */
@Service
public class PortfolioService {

    private static final Logger log = LoggerFactory.getLogger(PortfolioService.class);

    private final PortfolioRepository portfolio;
    private final RegionService regions;

    public PortfolioService(PortfolioRepository portfolio, RegionService regions) {
        this.portfolio = portfolio;
        this.regions = regions;
    }

    /** Keeps the snapshot if it is newer than the stored one; an older or equal version changes nothing. */
    public Mono<Void> apply(AgreementView agreement) {
        return portfolio.storedVersion(agreement.id())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(stored -> {
                    if (!AgreementView.supersedes(agreement.version(), stored.orElse(null))) {
                        log.debug("agreement {} version {} ignored: version {} already applied", agreement.id(),
                                agreement.version(), stored.get());
                        return Mono.empty();
                    }
                    log.info("agreement {} is {} (version {}, {} parties)", agreement.id(), agreement.status(),
                            agreement.version(), agreement.parties().size());
                    return portfolio.save(agreement, stored.isPresent());
                });
    }

    /** The agreements the region is party to (404 for a region not in the registry). */
    public Mono<Page<RegionAgreement>> agreementsOf(String code, PageQuery page) {
        return regions.get(code).map(Region::code).flatMap(c -> portfolio.agreementsOf(c.value(), page));
    }

    /** The regions it shares a signed agreement with, most agreements first. */
    public Mono<Page<Partner>> partnersOf(String code, PageQuery page) {
        return regions.get(code).map(Region::code).flatMap(c -> portfolio.partnersOf(c.value(), page));
    }

    /** Drops the whole projection (the rebuild replays the topic afterwards). Runs in the caller's transaction. */
    public Mono<Void> clear() {
        return portfolio.clear();
    }

    public Mono<Long> countAgreements() {
        return portfolio.countAgreements();
    }
}
