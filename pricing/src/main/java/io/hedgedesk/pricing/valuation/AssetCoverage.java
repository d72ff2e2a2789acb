package io.hedgedesk.pricing.valuation;

import io.hedgedesk.domain.market.PriceQuote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A coin of a portfolio with every open same-coin hedge on it, each coin counted once.
 *
 * <p>Exposure {@code H = holdings + Σ (venueCoins − bagCoins)}: the insured holdings (their quantity includes coins
 * moved from them to a venue as margin) plus the coins at the venues that did not come from them (extra coin
 * deposited as margin, realized coin PnL and funding, less coin fees). Hedged {@code D = Σ} the hedges' deltas in
 * coins ({@link io.hedgedesk.pricing.hedge.HedgeSizer#deltaCoins}). Coverage {@code = D / H}.
 *
 * @param asset              the coin
 * @param holdingsCoins      coins of the insured holdings of this coin
 * @param venueCoins         {@code Σ venueCoins} of the hedges: coins at the venues
 * @param bagCoinsAtVenue    {@code Σ bagCoins}: of the holdings, the coins now at a venue as margin
 * @param exposureCoins      {@code H}
 * @param hedgedCoins        {@code D}, positive for shorts
 * @param price              the coin's price, if known
 * @param coverage           {@code D / H}; empty when {@code H ≤ 0}
 * @param target             the largest target coverage among the hedges
 * @param hedgeIds           the hedges, oldest first
 */
public record AssetCoverage(
        String asset,
        BigDecimal holdingsCoins,
        BigDecimal venueCoins,
        BigDecimal bagCoinsAtVenue,
        BigDecimal exposureCoins,
        BigDecimal hedgedCoins,
        Optional<PriceQuote> price,
        Optional<BigDecimal> coverage,
        BigDecimal target,
        List<Long> hedgeIds) {

    public AssetCoverage {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(coverage, "coverage");
        hedgeIds = List.copyOf(hedgeIds);
    }

    /** {@code coverage − target}: positive = over-hedged. */
    public Optional<BigDecimal> drift() {
        return coverage.map(c -> c.subtract(target));
    }

    /**
     * The coins a new hedge of this coin should be sized on so that all its hedges together reach {@code target}:
     * {@code H − D/t} (0 or less: nothing is left). A new hedge sized on {@code C'} coins with target {@code t} adds
     * {@code t·C'} of delta when its margin is out of the bag or stablecoins, and its own margin {@code M'} to the
     * exposure with extra coins (delta {@code t·(C' + M')}), so the total {@code D + t·(H − D/t) = t·H} (plus
     * {@code t·M'} on both sides) is the target either way.
     */
    public BigDecimal coinsLeft(BigDecimal target) {
        return exposureCoins.subtract(hedgedCoins.divide(target, MathContext.DECIMAL128));
    }

    /** {@code H × price} in USD, if priced. */
    public Optional<BigDecimal> exposureUsd() {
        return price.map(p -> exposureCoins.multiply(p.priceUsd(), MathContext.DECIMAL128));
    }

    /** {@code (H − D) × price}: USD left unhedged (negative = net short), if priced. */
    public Optional<BigDecimal> netExposureUsd() {
        return price.map(p -> exposureCoins.subtract(hedgedCoins).multiply(p.priceUsd(), MathContext.DECIMAL128));
    }
}
