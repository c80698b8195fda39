package org.concord.regions.portfolio;

import org.concord.regions.portfolio.messaging.PortfolioRebuild;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.NeedsRole;
import org.concord.platform.security.Roles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operator endpoint: {@code POST /api/admin/portfolio/rebuild} drops the portfolio projection and replays
 * the agreements topic from its start (see {@link PortfolioRebuild}); answers with a summary. Admin only.
 */
@RestController
@Tag(name = "Portfolios")
public class PortfolioAdminController {

    private final PortfolioRebuild rebuild;

    public PortfolioAdminController(PortfolioRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/portfolio/rebuild")
    @Operation(operationId = "rebuildPortfolios", summary = "Rebuild the portfolios",
            description = "Drops every portfolio and replays agreements.v1 from its start; answers, when done, with "
                    + "how many events were replayed, applied and skipped.")
    @NeedsRole(Roles.ADMIN)
    public Mono<PortfolioRebuild.Summary> rebuild() {
        return Mono.fromCallable(rebuild::rebuild).subscribeOn(Schedulers.boundedElastic());
    }
}
