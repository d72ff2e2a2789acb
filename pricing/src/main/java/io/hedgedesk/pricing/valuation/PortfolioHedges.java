package io.hedgedesk.pricing.valuation;

import java.util.List;
import java.util.Optional;

/**
 * The open hedges of one portfolio valued together.
 *
 * @param assets per coin hedged 1:1, coverage over all its hedges, in coin order
 * @param hedges every hedge, in the order given
 * @param alerts every alert, most urgent kind first
 */
public record PortfolioHedges(List<AssetCoverage> assets, List<HedgeValuation> hedges, List<HedgeAlert> alerts) {

    public PortfolioHedges {
        assets = List.copyOf(assets);
        hedges = List.copyOf(hedges);
        alerts = List.copyOf(alerts);
    }

    /** The valuation of one hedge. */
    public Optional<HedgeValuation> hedge(long hedgeId) {
        return hedges.stream().filter(h -> h.account().hedgeId() == hedgeId).findFirst();
    }

    /** The coverage of one coin. */
    public Optional<AssetCoverage> asset(String asset) {
        return assets.stream().filter(a -> a.asset().equals(asset)).findFirst();
    }
}
