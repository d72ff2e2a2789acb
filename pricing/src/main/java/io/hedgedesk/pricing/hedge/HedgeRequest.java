package io.hedgedesk.pricing.hedge;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What to hedge and how: a same-coin short hedge of a long spot holding.
 *
 * @param asset          the coin held; must be the instrument's base asset
 * @param coins          coins held (the bag), positive; with {@link MarginSource#OUT_OF_BAG} the margin comes out of
 *                       these coins
 * @param spotPrice      spot price of the coin in USD, positive
 * @param instrument     the perpetual to short
 * @param hedgePrice     price at which the short is expected to fill (the perpetual's mark), USD per coin, positive;
 *                       it becomes the hedge's entry price {@code E}
 * @param leverage       {@code L}, positive and at most the instrument's {@code maxLeverage}; sets the initial margin
 *                       {@code notional / L}
 * @param marginSource   where the initial margin comes from; inverse contracts cannot take
 *                       {@link MarginSource#STABLECOIN}
 * @param targetCoverage the hedge's USD delta as a fraction of the exposure's, in (0, 2]: 1 = fully hedged, 0.5 = half
 * @param openingFeeRate the fee of the opening order as a fraction of its notional (the venue's taker rate for a
 *                       market order; negative = rebate), in (−1, 1); it is paid in the settlement asset, so on an
 *                       inverse contract it is coin that leaves the holder's exposure
 */
public record HedgeRequest(
        Asset asset,
        BigDecimal coins,
        BigDecimal spotPrice,
        Instrument instrument,
        BigDecimal hedgePrice,
        BigDecimal leverage,
        MarginSource marginSource,
        BigDecimal targetCoverage,
        BigDecimal openingFeeRate) {

    static final BigDecimal MAX_COVERAGE = BigDecimal.valueOf(2);

    public HedgeRequest {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(marginSource, "marginSource");
        positive(coins, "coins");
        positive(spotPrice, "spotPrice");
        positive(hedgePrice, "hedgePrice");
        positive(leverage, "leverage");
        Objects.requireNonNull(targetCoverage, "targetCoverage");
        if (!asset.equals(instrument.baseAsset())) {
            throw new HedgeSizingException("asset " + asset + " cannot be hedged 1:1 with " + instrument.id()
                    + ", which tracks " + instrument.baseAsset() + " (use a proxy hedge)");
        }
        if (leverage.compareTo(instrument.maxLeverage()) > 0) {
            throw new HedgeSizingException("leverage " + leverage.toPlainString() + " exceeds the maximum "
                    + instrument.maxLeverage().toPlainString() + " of " + instrument.id());
        }
        requireCoverage(targetCoverage, "targetCoverage");
        Objects.requireNonNull(openingFeeRate, "openingFeeRate");
        if (openingFeeRate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new HedgeSizingException("openingFeeRate must lie in (-1, 1), was " + openingFeeRate.toPlainString());
        }
        if (instrument.isInverse() && marginSource == MarginSource.STABLECOIN) {
            throw new HedgeSizingException("marginSource STABLECOIN is impossible on " + instrument.id()
                    + ": an inverse contract is margined and settled in " + instrument.settlementAsset()
                    + "; use OUT_OF_BAG or EXTRA_COIN");
        }
        if (marginSource == MarginSource.EXTRA_COIN && leverage.compareTo(targetCoverage) <= 0) {
            throw new HedgeSizingException("leverage " + leverage.toPlainString() + " must exceed targetCoverage "
                    + targetCoverage.toPlainString()
                    + " with EXTRA_COIN margin: the extra coin's own hedge would need as much "
                    + "margin again, without end");
        }
        if (marginSource == MarginSource.OUT_OF_BAG && leverage.compareTo(targetCoverage) < 0) {
            throw new HedgeSizingException("leverage " + leverage.toPlainString() + " must be at least targetCoverage "
                    + targetCoverage.toPlainString() + " with OUT_OF_BAG margin: the margin would exceed the bag");
        }
    }

    /** A request whose opening order pays no fee (the fee left out of the sizing). */
    public HedgeRequest(
            Asset asset,
            BigDecimal coins,
            BigDecimal spotPrice,
            Instrument instrument,
            BigDecimal hedgePrice,
            BigDecimal leverage,
            MarginSource marginSource,
            BigDecimal targetCoverage) {
        this(asset, coins, spotPrice, instrument, hedgePrice, leverage, marginSource, targetCoverage, BigDecimal.ZERO);
    }

    /** This request with the opening order's fee rate (fraction of notional). */
    public HedgeRequest withOpeningFeeRate(BigDecimal rate) {
        return new HedgeRequest(
                asset, coins, spotPrice, instrument, hedgePrice, leverage, marginSource, targetCoverage, rate);
    }

    /** A full (coverage 1) hedge filled at the spot price. */
    public static HedgeRequest fullHedge(
            BigDecimal coins,
            BigDecimal spotPrice,
            Instrument instrument,
            BigDecimal leverage,
            MarginSource marginSource) {
        Objects.requireNonNull(instrument, "instrument");
        return new HedgeRequest(
                instrument.baseAsset(),
                coins,
                spotPrice,
                instrument,
                spotPrice,
                leverage,
                marginSource,
                BigDecimal.ONE);
    }

    /** This request with another target coverage. */
    public HedgeRequest withTargetCoverage(BigDecimal coverage) {
        return new HedgeRequest(
                asset, coins, spotPrice, instrument, hedgePrice, leverage, marginSource, coverage, openingFeeRate);
    }

    static void requireCoverage(BigDecimal coverage, String name) {
        Objects.requireNonNull(coverage, name);
        if (coverage.signum() <= 0 || coverage.compareTo(MAX_COVERAGE) > 0) {
            throw new HedgeSizingException(name + " must lie in (0, 2], was " + coverage.toPlainString());
        }
    }

    static void positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new HedgeSizingException(name + " must be positive, was " + value.toPlainString());
        }
    }
}
