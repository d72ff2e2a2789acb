package io.hedgedesk.pricing.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Did the insurance work, and what did it cost? The measures of a path of hedged and unhedged equity.
 *
 * @param capitalUsd          what both portfolios start from, USD
 * @param endHedgedUsd        hedged equity at the last close, USD
 * @param endUnhedgedUsd      unhedged equity at the last close, USD
 * @param drawdownHedged      the hedged path's {@link #maxDrawdown maximum drawdown}
 * @param drawdownUnhedged    the unhedged path's
 * @param varianceReduction   {@link #varianceReduction(double[], double[])} of the daily equity changes; empty when
 *                            the unhedged equity never changes
 * @param dollarOffset        {@link #dollarOffset}: −(hedge price PnL) / (change of the unhedged equity); 1 = the
 *                            hedge offset the bag's move exactly; empty when the bag did not move
 * @param hedgeResultUsd      what the hedge added in all: end hedged − end unhedged (both start from the capital), USD
 * @param fundingUsd          funding received (negative = paid), USD
 * @param feesUsd             trading fees paid, USD
 * @param hedgePricePnlUsd    the hedge's price PnL, liquidation losses included: hedge result − funding + fees, USD
 * @param costOfCarryUsd      fees − funding: what holding the insurance cost, positive = a cost, USD
 * @param drawdownAvoidedUsd  unhedged maximum drawdown − hedged maximum drawdown, USD (negative = deepened)
 * @param carryPerAvoided     cost of carry / drawdown avoided; empty unless some drawdown was avoided
 * @param rebalances          resizes made
 * @param liquidations        legs liquidated
 * @param topUps              margin top-ups made
 */
public record BacktestMeasures(
        BigDecimal capitalUsd,
        BigDecimal endHedgedUsd,
        BigDecimal endUnhedgedUsd,
        Drawdown drawdownHedged,
        Drawdown drawdownUnhedged,
        OptionalDouble varianceReduction,
        OptionalDouble dollarOffset,
        BigDecimal hedgeResultUsd,
        BigDecimal fundingUsd,
        BigDecimal feesUsd,
        BigDecimal hedgePricePnlUsd,
        BigDecimal costOfCarryUsd,
        BigDecimal drawdownAvoidedUsd,
        OptionalDouble carryPerAvoided,
        int rebalances,
        int liquidations,
        int topUps) {

    private static final MathContext MC = MathContext.DECIMAL128;

    /**
     * The largest fall from a running peak: {@code fraction = max over t of (peak_t − E_t) / peak_t} with
     * {@code peak_t = max(E_0..E_t)}, and {@code usd = peak − E} at that same close. 0 for a path that never falls.
     *
     * @param fraction in [0, 1] for positive equity (a ratio, double)
     * @param usd      the fall in USD at the worst close, ≥ 0
     * @param peak     index of the peak it fell from
     * @param trough   index of the worst close
     */
    public record Drawdown(double fraction, BigDecimal usd, int peak, int trough) {}

    /** All measures of {@code path} (at least one point) starting from {@code capitalUsd}. */
    public static BacktestMeasures of(
            List<DailyPoint> path, BigDecimal capitalUsd, int rebalances, int liquidations, int topUps) {
        int n = path.size();
        BigDecimal[] hedged = new BigDecimal[n];
        BigDecimal[] unhedged = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            hedged[i] = path.get(i).hedgedUsd();
            unhedged[i] = path.get(i).unhedgedUsd();
        }
        DailyPoint last = path.get(n - 1);
        BigDecimal result = last.hedgedUsd().subtract(last.unhedgedUsd());
        BigDecimal funding = last.fundingUsd();
        BigDecimal fees = last.feesUsd();
        BigDecimal pricePnl = result.subtract(funding).add(fees);
        BigDecimal carry = fees.subtract(funding);
        double[] hedgedD = doubles(hedged);
        double[] unhedgedD = doubles(unhedged);
        Drawdown dh = maxDrawdown(hedged, hedgedD);
        Drawdown du = maxDrawdown(unhedged, unhedgedD);
        BigDecimal avoided = du.usd().subtract(dh.usd());
        OptionalDouble perAvoided = avoided.signum() > 0
                ? OptionalDouble.of(carry.divide(avoided, MC).doubleValue())
                : OptionalDouble.empty();
        return new BacktestMeasures(
                capitalUsd,
                last.hedgedUsd(),
                last.unhedgedUsd(),
                dh,
                du,
                varianceReduction(changes(hedgedD), changes(unhedgedD)),
                dollarOffset(pricePnl, last.unhedgedUsd().subtract(unhedged[0])),
                result,
                funding,
                fees,
                pricePnl,
                carry,
                avoided,
                perAvoided,
                rebalances,
                liquidations,
                topUps);
    }

    /** {@link Drawdown} of an equity path, one pass; the fraction is a double ratio, the USD fall exact. */
    public static Drawdown maxDrawdown(BigDecimal[] equity) {
        return maxDrawdown(equity, doubles(equity));
    }

    private static Drawdown maxDrawdown(BigDecimal[] equity, double[] values) {
        int peak = 0;
        int from = 0;
        int trough = 0;
        double worst = 0;
        for (int t = 1; t < values.length; t++) {
            if (values[t] > values[peak]) {
                peak = t;
                continue;
            }
            double fraction = values[peak] > 0 ? (values[peak] - values[t]) / values[peak] : 0;
            if (fraction > worst) {
                worst = fraction;
                from = peak;
                trough = t;
            }
        }
        return worst == 0
                ? new Drawdown(0, BigDecimal.ZERO, 0, 0)
                : new Drawdown(worst, equity[from].subtract(equity[trough]), from, trough);
    }

    /** The values as doubles (statistics only), each first rounded to 16 digits. */
    static double[] doubles(BigDecimal[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].round(MathContext.DECIMAL64).doubleValue();
        }
        return out;
    }

    /**
     * Variance reduction {@code 1 − Var(ΔH) / Var(ΔU)}, with {@code ΔH}, {@code ΔU} the daily changes of hedged and
     * unhedged equity in USD and Var the sample variance (n − 1). 1 = every daily move removed, 0 = none, negative = the
     * hedge added variance. Empty when fewer than two changes or {@code Var(ΔU) = 0}.
     */
    public static OptionalDouble varianceReduction(double[] hedgedChanges, double[] unhedgedChanges) {
        if (unhedgedChanges.length < 2 || hedgedChanges.length != unhedgedChanges.length) {
            return OptionalDouble.empty();
        }
        double vu = variance(unhedgedChanges);
        return vu > 0 ? OptionalDouble.of(1 - variance(hedgedChanges) / vu) : OptionalDouble.empty();
    }

    /**
     * Dollar-offset ratio {@code −hedgePricePnl / itemChange}: the hedge's price PnL over the change of the hedged item
     * (the unhedged equity) over the window. 1 = full offset; hedge accounting calls 0.8–1.25 highly effective. Empty
     * when the item did not move.
     */
    public static OptionalDouble dollarOffset(BigDecimal hedgePricePnl, BigDecimal itemChange) {
        return itemChange.signum() == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(
                        hedgePricePnl.negate().divide(itemChange, MC).doubleValue());
    }

    /** Daily changes {@code E_t − E_(t−1)} as doubles (statistics only). */
    static double[] changes(double[] values) {
        double[] out = new double[Math.max(0, values.length - 1)];
        for (int t = 1; t < values.length; t++) {
            out[t - 1] = values[t] - values[t - 1];
        }
        return out;
    }

    /** Sample variance, n − 1, two passes. */
    static double variance(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
