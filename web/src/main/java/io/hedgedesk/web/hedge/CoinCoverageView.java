package io.hedgedesk.web.hedge;

import io.hedgedesk.pricing.valuation.AssetCoverage;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import java.util.List;

/**
 * A coin of a portfolio with all its open same-coin hedges, formatted for the dashboard: exposure (each coin counted
 * once), hedged, coverage against the target.
 */
public record CoinCoverageView(long portfolioId, String portfolioName, String asset, String exposure, String hedged,
                               String coverage, String target, String drift, int hedges) {

  /** One row per coin of every portfolio with open hedges. */
  public static List<CoinCoverageView> of(List<HedgeTracker.PortfolioCoverage> coverage) {
    return coverage.stream().flatMap(p -> p.assets().stream().map(a -> of(p, a))).toList();
  }

  private static CoinCoverageView of(HedgeTracker.PortfolioCoverage p, AssetCoverage a) {
    return new CoinCoverageView(p.portfolio().portfolio().id(), p.portfolio().portfolio().name(), a.asset(),
        Show.amount(a.exposureCoins(), a.asset()), Show.amount(a.hedgedCoins(), a.asset()),
        Show.percent(a.coverage()), Show.percent(a.target()), Show.percent(a.drift()), a.hedgeIds().size());
  }
}
