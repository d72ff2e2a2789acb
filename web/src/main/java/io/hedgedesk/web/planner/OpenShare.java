package io.hedgedesk.web.planner;

import io.hedgedesk.pricing.valuation.AssetCoverage;
import io.hedgedesk.pricing.valuation.HedgeValuation;
import io.hedgedesk.pricing.valuation.PortfolioHedges;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the portfolio's open hedges already insure of one coin, so that the planner plans what is left: the coin's
 * coverage by its same-coin hedges ({@link AssetCoverage#coinsLeft}) and the proxy hedges open beside them.
 */
record OpenShare(Optional<AssetCoverage> coin) {

    static OpenShare of(PortfolioHedges open, String asset) {
        return new OpenShare(open.asset(asset).filter(a -> a.hedgedCoins().signum() > 0));
    }

    /** E.g. "80.00 % by hedges #9, #10"; empty when no open hedge insures the coin. */
    String words() {
        return coin.map(a -> a.coverage().map(Display::percent).orElse("some") + " by " + ids(a.hedgeIds()))
                .orElse("");
    }

    /**
     * The coins left to hedge at the target ({@link AssetCoverage#coinsLeft}); empty when nothing is open or the target
     * could not be read (the leg reports it).
     */
    Optional<BigDecimal> coinsLeft(Optional<BigDecimal> target) {
        return coin.isEmpty() ? Optional.empty() : target.map(t -> coin.get().coinsLeft(t));
    }

    /** The bag less the share its same-coin hedges already cover: coins × (1 − min(1, coverage)). */
    Bag unhedged(Bag bag) {
        BigDecimal covered = coin.flatMap(AssetCoverage::coverage)
                .map(c -> c.min(BigDecimal.ONE).max(BigDecimal.ZERO))
                .orElse(BigDecimal.ZERO);
        return bag.withCoins(bag.coins().multiply(BigDecimal.ONE.subtract(covered), MathContext.DECIMAL128));
    }

    /** The open proxy hedges, e.g. "hedge #5", if any. */
    static Optional<String> proxyWords(PortfolioHedges open) {
        List<Long> proxies = open.hedges().stream()
                .filter(HedgeValuation::proxy)
                .map(h -> h.account().hedgeId())
                .toList();
        return proxies.isEmpty() ? Optional.empty() : Optional.of(ids(proxies));
    }

    private static String ids(List<Long> ids) {
        return (ids.size() == 1 ? "hedge " : "hedges ")
                + ids.stream().map(id -> "#" + id).collect(Collectors.joining(", "));
    }
}
