package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.hedge.MarginSource;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one hedge leg is held: the perpetual shorted, its leverage, where its margin comes from and the coverage it
 * aims at (1 = dollar-neutral; for a proxy leg, of β × the basket's value).
 *
 * @param instrument     the perpetual
 * @param leverage       L, positive, at most the instrument's maximum
 * @param marginSource   {@link MarginSource#OUT_OF_BAG} or {@link MarginSource#EXTRA_COIN} for an inverse contract,
 *                       {@link MarginSource#STABLECOIN} for a linear one
 * @param targetCoverage in (0, 2]
 */
public record LegPolicy(
        Instrument instrument, BigDecimal leverage, MarginSource marginSource, BigDecimal targetCoverage) {

    public LegPolicy {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(marginSource, "marginSource");
        String asset = instrument.baseAsset().symbol();
        if (leverage == null || leverage.signum() <= 0 || leverage.compareTo(instrument.maxLeverage()) > 0) {
            throw new BacktestException(
                    "leverage." + asset,
                    "leverage must lie in (0, "
                            + instrument.maxLeverage().toPlainString() + "] on " + instrument.id() + ", was "
                            + (leverage == null ? "nothing" : leverage.toPlainString()));
        }
        if (targetCoverage == null
                || targetCoverage.signum() <= 0
                || targetCoverage.compareTo(BigDecimal.valueOf(2)) > 0) {
            throw new BacktestException(
                    "coverage." + asset,
                    "target coverage must lie in (0, 2], was "
                            + (targetCoverage == null ? "nothing" : targetCoverage.toPlainString()));
        }
        if (instrument.isInverse() == (marginSource == MarginSource.STABLECOIN)) {
            throw new BacktestException(
                    "margin." + asset,
                    instrument.isInverse()
                            ? instrument.id() + " is inverse: its margin is " + asset
                                    + " (out of the bag or extra coins)"
                            : instrument.id() + " is linear: the backtest margins it with stablecoins only");
        }
    }
}
