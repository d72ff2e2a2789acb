package io.hedgedesk.web.hedge;

import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.pricing.valuation.AssetCoverage;
import io.hedgedesk.pricing.valuation.PortfolioHedges;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.view.Display;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A coin of a portfolio with all its open same-coin hedges, formatted for the dashboard: exposure (each coin counted
 * once), hedged, coverage against the target.
 */
public record CoinCoverageView(
        long portfolioId,
        String portfolioName,
        String asset,
        String exposure,
        String hedged,
        String coverage,
        String target,
        String drift,
        int hedges,
        String atVenue) {

    /** One row per coin of every portfolio with open hedges. */
    public static List<CoinCoverageView> of(List<HedgeTracker.PortfolioCoverage> coverage) {
        return coverage.stream()
                .flatMap(p -> p.assets().stream().map(a -> of(p.portfolio(), a, "")))
                .toList();
    }

    /**
     * One row per coin of a portfolio, saying how much of its holdings sits at a venue as margin, e.g. "of which
     * 450.19975 AVAX at BINANCE as margin".
     */
    public static List<CoinCoverageView> of(PortfolioAccess portfolio, PortfolioHedges hedges) {
        return hedges.assets().stream()
                .map(a -> {
                    String venues = hedges.hedges().stream()
                            .filter(h -> a.hedgeIds().contains(h.account().hedgeId()))
                            .filter(h -> h.account().bagCoins().signum() != 0)
                            .map(h -> h.account().instrument().venue())
                            .distinct()
                            .collect(Collectors.joining(", "));
                    String atVenue = a.bagCoinsAtVenue().signum() == 0
                            ? ""
                            : "of which " + Display.amount(a.bagCoinsAtVenue(), a.asset()) + " at " + venues
                                    + " as margin";
                    return of(portfolio, a, atVenue);
                })
                .toList();
    }

    private static CoinCoverageView of(PortfolioAccess p, AssetCoverage a, String atVenue) {
        return new CoinCoverageView(
                p.portfolio().id(),
                p.portfolio().name(),
                a.asset(),
                Display.amount(a.exposureCoins(), a.asset()),
                Display.amount(a.hedgedCoins(), a.asset()),
                Display.percent(a.coverage()),
                Display.percent(a.target()),
                Display.percent(a.drift()),
                a.hedgeIds().size(),
                atVenue);
    }
}
