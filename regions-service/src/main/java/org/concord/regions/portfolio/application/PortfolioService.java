package org.concord.regions.portfolio.application;

import org.concord.regions.portfolio.domain.AgreementView;
import org.concord.regions.portfolio.domain.Partner;
import org.concord.regions.portfolio.domain.RegionAgreement;
import org.concord.regions.portfolio.persistence.PortfolioRepository;
import org.concord.regions.region.application.RegionService;
import org.concord.regions.region.domain.Region;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
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
        return portfolio.save(agreement).doOnNext(kept -> {
            if (kept) {
                log.info("agreement {} is {} (version {}, {} parties)", agreement.id(), agreement.status(),
                        agreement.version(), agreement.parties().size());
            }
        }).then();
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
