package org.concord.regions.portfolio;

import org.concord.regions.portfolio.application.PortfolioService;
import org.concord.regions.portfolio.domain.Partner;
import org.concord.regions.portfolio.domain.RegionAgreement;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.ResponseExample;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A region's cooperation portfolio over HTTP (read only: it is built from the agreements topic). */
@RestController
@RequestMapping("/api/regions/{code}")
@Tag(name = "Portfolios", description = "Each region's cooperation portfolio, built from agreements.v1: the agreements "
        + "it is party to and the regions it has signed with. Read only; it follows the agreements within moments.")
public class PortfolioController {

    private static final String CODE = "The region's code (ISO 3166-2 or ISO 3166-1 alpha-2)";

    private final PortfolioService portfolio;

    public PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    /** The agreements the region is party to, with their status, current text and the region's own state. */
    @GetMapping("/agreements")
    @Operation(operationId = "listRegionAgreements", summary = "List a region's agreements",
            description = "The agreements the region is party to, with each one's status, the region's own signing "
                    + "state, since when the agreement binds it (inForceSince), the current text's hash and version "
                    + "(one more per adopted amendment) and how many parties it has; paged. An agreement the region "
                    + "withdrew from is no longer listed, and no longer counts its withdrawn parties.")
    @ApiResponse(responseCode = "200", description = "A page of the region's agreements")
    @ResponseExample("portfolio-yunnan")
    @ApiResponse(responseCode = "404", description = "No region with this code in the registry")
    public Mono<Page<RegionAgreement>> agreements(@Parameter(description = CODE, example = "CN-YN") @PathVariable String code,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageQuery.of(page, size)).flatMap(query -> portfolio.agreementsOf(code, query));
    }

    /** The regions it shares a concluded or in-force agreement with (both signed, neither withdrawn), most first. */
    @GetMapping("/partners")
    @Operation(operationId = "listRegionPartners", summary = "List a region's partners",
            description = "The regions it shares a SIGNED or IN_FORCE agreement with (both having signed it, neither "
                    + "having withdrawn), and how many such agreements, most first; paged.")
    @ApiResponse(responseCode = "200", description = "A page of partners")
    @ResponseExample("partners-yunnan")
    @ApiResponse(responseCode = "404", description = "No region with this code in the registry")
    public Mono<Page<Partner>> partners(@Parameter(description = CODE, example = "CN-YN") @PathVariable String code,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageQuery.of(page, size)).flatMap(query -> portfolio.partnersOf(code, query));
    }
}
