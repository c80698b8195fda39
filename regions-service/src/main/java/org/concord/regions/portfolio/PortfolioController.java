package org.concord.regions.portfolio;

import org.concord.regions.portfolio.application.PortfolioService;
import org.concord.regions.portfolio.domain.Partner;
import org.concord.regions.portfolio.domain.RegionAgreement;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A region's cooperation portfolio over HTTP (read only: it is built from the agreements topic). */
@RestController
@RequestMapping("/api/regions/{code}")
public class PortfolioController {

    private final PortfolioService portfolio;

    public PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    /** The agreements the region is party to, with their status and the region's own signing state. */
    @GetMapping("/agreements")
    public Mono<Page<RegionAgreement>> agreements(@PathVariable String code,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageQuery.of(page, size)).flatMap(query -> portfolio.agreementsOf(code, query));
    }

    /** The regions it shares a SIGNED agreement with, and how many, most first. */
    @GetMapping("/partners")
    public Mono<Page<Partner>> partners(@PathVariable String code,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageQuery.of(page, size)).flatMap(query -> portfolio.partnersOf(code, query));
    }
}
