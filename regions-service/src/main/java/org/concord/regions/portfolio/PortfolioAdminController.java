package org.concord.regions.portfolio;

import org.concord.regions.portfolio.messaging.PortfolioRebuild;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operator endpoint: {@code POST /api/admin/portfolio/rebuild} drops the portfolio projection and replays
 * the agreements topic from its start (see {@link PortfolioRebuild}); answers with a summary. Admin only
 * once security is in place.
 */
@RestController
public class PortfolioAdminController {

    private final PortfolioRebuild rebuild;

    public PortfolioAdminController(PortfolioRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/portfolio/rebuild")
    public Mono<PortfolioRebuild.Summary> rebuild() {
        return Mono.fromCallable(rebuild::rebuild).subscribeOn(Schedulers.boundedElastic());
    }
}
