package io.hedgedesk.pricing.proxy;

import io.hedgedesk.domain.market.AlignedPrices;
import io.hedgedesk.domain.market.PriceSeries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stateless calculator of minimum-variance (proxy) hedge statistics.
 *
 * <p>Returns default to {@link ReturnType#SIMPLE} and weights to {@link Weighting#EQUAL} (sample estimators,
 * {@code n − 1}); both are explicit parameters of every estimating method. Volatilities are per observation period
 * (daily); {@link HedgeStatistics} annualizes with {@code √365}.
 */
public final class ProxyHedgeCalculator {

    /** The shared instance; the calculator holds no state. */
    public static final ProxyHedgeCalculator DEFAULT = new ProxyHedgeCalculator();

    private ProxyHedgeCalculator() {}

    /**
     * Minimum-variance hedge ratio from its ingredients: {@code h* = ρ·σ_S/σ_H} (Hull, "cross hedging"). Units: hedge
     * notional per unit of exposure; positive = take the opposite side in the hedge instrument.
     *
     * @param correlation      ρ between changes in the exposure and in the hedge instrument, in [−1, 1]
     * @param basketVolatility σ_S ≥ 0 of the exposure's changes
     * @param hedgeVolatility  σ_H > 0 of the hedge instrument's changes, same period as σ_S
     */
    public double minimumVarianceHedgeRatio(double correlation, double basketVolatility, double hedgeVolatility) {
        requireCorrelation(correlation);
        if (!(basketVolatility >= 0) || !Double.isFinite(basketVolatility)) {
            throw new ProxyHedgeException("basketVolatility must be non-negative and finite, was " + basketVolatility);
        }
        if (!(hedgeVolatility > 0) || !Double.isFinite(hedgeVolatility)) {
            throw new ZeroVarianceException("hedgeVolatility must be positive and finite, was " + hedgeVolatility);
        }
        return correlation * basketVolatility / hedgeVolatility;
    }

    /** Hedge effectiveness {@code ρ²}: the fraction of the exposure's variance removed by the optimal hedge. */
    public double hedgeEffectiveness(double correlation) {
        requireCorrelation(correlation);
        return correlation * correlation;
    }

    /** Residual volatility after the optimal hedge, {@code σ_S·√(1 − ρ²)}, in σ_S's units and period. */
    public double residualVolatility(double basketVolatility, double correlation) {
        requireCorrelation(correlation);
        if (!(basketVolatility >= 0) || !Double.isFinite(basketVolatility)) {
            throw new ProxyHedgeException("basketVolatility must be non-negative and finite, was " + basketVolatility);
        }
        return basketVolatility * Math.sqrt(Math.max(0, 1 - correlation * correlation));
    }

    /**
     * Hedge statistics from paired returns {@code basket[i], hedge[i]} (same period, oldest first):
     * σ (sample n − 1 for equal weights), covariance, {@code ρ = Cov/(σ_S σ_H)},
     * {@code h* = Cov/σ_H²}, effectiveness {@code ρ²}, residual {@code σ_S·√(1 − ρ²)}.
     *
     * @throws MismatchedLengthsException        if the arrays differ in length
     * @throws InsufficientObservationsException if there are fewer than two pairs
     * @throws ZeroVarianceException             if either series is constant
     */
    public HedgeStatistics statistics(double[] basket, double[] hedge, Weighting weighting) {
        Objects.requireNonNull(basket, "basket");
        Objects.requireNonNull(hedge, "hedge");
        Objects.requireNonNull(weighting, "weighting");
        if (basket.length != hedge.length) {
            throw new MismatchedLengthsException(
                    "basket has " + basket.length + " returns but hedge has " + hedge.length);
        }
        if (basket.length < 2) {
            throw new InsufficientObservationsException(
                    "at least 2 aligned return observations are needed, got " + basket.length);
        }
        requireFinite(basket, "basket");
        requireFinite(hedge, "hedge");
        WeightedMoments m = WeightedMoments.of(basket, hedge, weighting);
        if (!(m.varianceY() > 0)) {
            throw new ZeroVarianceException("the hedge instrument's returns have zero variance over " + m.count()
                    + " observations; the hedge ratio is undefined");
        }
        if (!(m.varianceX() > 0)) {
            throw new ZeroVarianceException("the basket's returns have zero variance over " + m.count()
                    + " observations; the correlation is undefined");
        }
        double sigmaS = Math.sqrt(m.varianceX());
        double sigmaH = Math.sqrt(m.varianceY());
        double rho = Math.max(-1, Math.min(1, m.covariance() / (sigmaS * sigmaH)));
        return new HedgeStatistics(
                m.count(),
                weighting,
                sigmaS,
                sigmaH,
                m.covariance(),
                rho,
                m.covariance() / m.varianceY(),
                rho * rho,
                residualVolatility(sigmaS, rho));
    }

    /**
     * Hedge statistics of two return series observed on the same dates.
     *
     * @throws MismatchedLengthsException if their dates differ
     */
    public HedgeStatistics statistics(ReturnSeries basket, ReturnSeries hedge, Weighting weighting) {
        requirePaired(basket, hedge);
        return statistics(basket.array(), hedge.array(), weighting);
    }

    /**
     * Hedge statistics of one asset (or index) on a hedge instrument from their daily closes: the closes are aligned
     * on their common dates (inner join), turned into returns of {@code returnType}, and weighted by
     * {@code weighting}.
     */
    public HedgeEstimate estimate(PriceSeries basket, PriceSeries hedge, ReturnType returnType, Weighting weighting) {
        Objects.requireNonNull(basket, "basket");
        Objects.requireNonNull(hedge, "hedge");
        AlignedPrices aligned = PriceSeries.align(basket, hedge);
        return estimate(
                ReturnSeries.of(aligned.get(0), returnType), ReturnSeries.of(aligned.get(1), returnType), weighting);
    }

    /** {@link #statistics(ReturnSeries, ReturnSeries, Weighting)} with the dates they cover. */
    public HedgeEstimate estimate(ReturnSeries basket, ReturnSeries hedge, Weighting weighting) {
        HedgeStatistics statistics = statistics(basket, hedge, weighting);
        return new HedgeEstimate(basket.dates().get(0), basket.dates().get(basket.size() - 1), statistics);
    }

    /**
     * β of a basket on a hedge instrument, two ways.
     *
     * <p>All components and the hedge instrument are aligned on their common dates and turned into returns of
     * {@code returnType}. Weights are the components' current value shares {@code wᵢ = valueᵢ / Σ value}, held
     * <b>constant over the history</b>: the basket's return series is {@code r_B = Σ wᵢ·rᵢ}, i.e. a basket rebalanced
     * to today's weights every day (for simple returns this is that basket's exact return; for log returns an
     * approximation). Because covariance is linear, {@code β(r_B) = Σ wᵢ·βᵢ} holds exactly for either return type and
     * any weighting; both are reported (see {@link BasketBeta}).
     */
    public BasketBeta basketBeta(
            List<BasketComponent> components, PriceSeries hedge, ReturnType returnType, Weighting weighting) {
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(hedge, "hedge");
        Objects.requireNonNull(returnType, "returnType");
        if (components.isEmpty()) {
            throw new ProxyHedgeException("basket must have at least one component");
        }
        List<PriceSeries> all = new ArrayList<>();
        components.forEach(c -> all.add(c.prices()));
        all.add(hedge);
        AlignedPrices aligned = PriceSeries.align(all);
        // Returns as primitive arrays: 100 assets x 1,000 days is 100,000 returns per call (bench/README.md).
        double[] hedgeR = ReturnSeries.returnsOf(aligned.get(components.size()), returnType);
        List<LocalDate> returnDates = aligned.dates().subList(1, aligned.size());

        BigDecimal total = BigDecimal.ZERO;
        for (BasketComponent c : components) {
            total = total.add(c.value());
        }
        double[] basket = new double[hedgeR.length];
        List<ComponentBeta> betas = new ArrayList<>(components.size());
        double weightedBeta = 0;
        for (int i = 0; i < components.size(); i++) {
            double weight = components
                    .get(i)
                    .value()
                    .divide(total, MathContext.DECIMAL128)
                    .doubleValue();
            PriceSeries prices = aligned.get(i);
            double[] r = ReturnSeries.returnsOf(prices, returnType);
            HedgeStatistics statistics = statistics(r, hedgeR, weighting);
            betas.add(new ComponentBeta(prices.assetSymbol(), weight, statistics));
            weightedBeta += weight * statistics.hedgeRatio();
            for (int t = 0; t < basket.length; t++) {
                basket[t] += weight * r[t];
            }
        }
        ReturnSeries basketReturns = ReturnSeries.trusted("basket", returnType, returnDates, basket);
        ReturnSeries hedgeReturns =
                ReturnSeries.trusted(aligned.get(components.size()).assetSymbol(), returnType, returnDates, hedgeR);
        return new BasketBeta(
                total,
                betas,
                weightedBeta,
                estimate(basketReturns, hedgeReturns, weighting),
                basketReturns,
                hedgeReturns);
    }

    /**
     * Rolling estimates: one per window of {@code window} consecutive returns, stepping one return at a time, each
     * estimated with {@code weighting} inside its window; dated by the window's first and last return. Shows how β
     * and ρ moved over time.
     *
     * @throws InsufficientObservationsException if {@code window < 2} or longer than the series
     */
    public List<HedgeEstimate> rolling(ReturnSeries basket, ReturnSeries hedge, int window, Weighting weighting) {
        requirePaired(basket, hedge);
        if (window < 2) {
            throw new InsufficientObservationsException("rolling window must hold at least 2 returns, was " + window);
        }
        if (window > basket.size()) {
            throw new InsufficientObservationsException("rolling window of " + window + " returns is longer than the "
                    + basket.size() + " aligned returns");
        }
        List<HedgeEstimate> estimates = new ArrayList<>(basket.size() - window + 1);
        for (int end = window; end <= basket.size(); end++) {
            estimates.add(estimate(basket.subSeries(end - window, end), hedge.subSeries(end - window, end), weighting));
        }
        return List.copyOf(estimates);
    }

    /**
     * <b>In-sample</b> variance reduction: {@code h*} is estimated on these returns and applied to the same returns,
     * {@code 1 − Var(r_S − h*·r_H) / Var(r_S)} with the same weighting. In-sample this equals ρ² by construction; it is
     * an upper bound for what the hedge would have achieved with a ratio fixed in advance.
     */
    public VarianceReduction inSampleVarianceReduction(ReturnSeries basket, ReturnSeries hedge, Weighting weighting) {
        double ratio = statistics(basket, hedge, weighting).hedgeRatio();
        return varianceReduction(basket, hedge, ratio, weighting, true);
    }

    /**
     * Out-of-sample variance reduction: {@code h*} is estimated on the returns dated before {@code splitDate} and
     * applied to those dated on or after it.
     *
     * @throws InsufficientObservationsException if either side of the split has fewer than two returns
     */
    public VarianceReduction outOfSampleVarianceReduction(
            ReturnSeries basket, ReturnSeries hedge, LocalDate splitDate, Weighting weighting) {
        requirePaired(basket, hedge);
        Objects.requireNonNull(splitDate, "splitDate");
        int split = 0;
        while (split < basket.size() && basket.dates().get(split).isBefore(splitDate)) {
            split++;
        }
        if (split < 2 || basket.size() - split < 2) {
            throw new InsufficientObservationsException(
                    "split at " + splitDate + " leaves " + split + " return(s) to estimate on and "
                            + (basket.size() - split) + " to test on; at least 2 each are needed");
        }
        double ratio = statistics(basket.subSeries(0, split), hedge.subSeries(0, split), weighting)
                .hedgeRatio();
        return varianceReduction(
                basket.subSeries(split, basket.size()), hedge.subSeries(split, hedge.size()), ratio, weighting, false);
    }

    /**
     * Hedge notional {@code = h* × basket value}, in the basket value's currency (USD). The ratio is converted
     * deliberately with {@link BigDecimal#valueOf(double)} (its shortest decimal representation); the product is
     * unrounded (DECIMAL128). Positive = short the hedge instrument against a long basket; negative = long it.
     * Converting the notional into contracts is left to the contract's pricer.
     *
     * @param basketValue current basket value, positive
     */
    public BigDecimal hedgeNotional(double hedgeRatio, BigDecimal basketValue) {
        requireFiniteRatio(hedgeRatio);
        Objects.requireNonNull(basketValue, "basketValue");
        if (basketValue.signum() <= 0) {
            throw new ProxyHedgeException("basketValue must be positive, was " + basketValue.toPlainString());
        }
        return BigDecimal.valueOf(hedgeRatio).multiply(basketValue, MathContext.DECIMAL128);
    }

    /**
     * Optimal number of contracts {@code N* = h*·Q_A / Q_F} (Hull), unrounded: {@code Q_A} is the size of the exposure
     * and {@code Q_F} the size of one contract, in the same units (e.g. gallons and gallons, or USD value and USD
     * value per contract, which is Hull's "tailing" form). The caller rounds with an explicit {@code RoundingMode}.
     *
     * @param exposureSize  Q_A, non-negative
     * @param contractSize  Q_F, positive
     */
    public BigDecimal optimalContracts(double hedgeRatio, BigDecimal exposureSize, BigDecimal contractSize) {
        requireFiniteRatio(hedgeRatio);
        Objects.requireNonNull(exposureSize, "exposureSize");
        Objects.requireNonNull(contractSize, "contractSize");
        if (exposureSize.signum() < 0) {
            throw new ProxyHedgeException("exposureSize must not be negative, was " + exposureSize.toPlainString());
        }
        if (contractSize.signum() <= 0) {
            throw new ProxyHedgeException("contractSize must be positive, was " + contractSize.toPlainString());
        }
        return BigDecimal.valueOf(hedgeRatio)
                .multiply(exposureSize, MathContext.DECIMAL128)
                .divide(contractSize, MathContext.DECIMAL128);
    }

    private VarianceReduction varianceReduction(
            ReturnSeries basket, ReturnSeries hedge, double ratio, Weighting weighting, boolean inSample) {
        double[] s = basket.array();
        double[] h = hedge.array();
        double[] hedged = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            hedged[i] = s[i] - ratio * h[i];
        }
        double unhedgedVariance = WeightedMoments.of(s, s, weighting).varianceX();
        double hedgedVariance = WeightedMoments.of(hedged, hedged, weighting).varianceX();
        if (!(unhedgedVariance > 0)) {
            throw new ZeroVarianceException(
                    "the basket's returns have zero variance over " + s.length + " observations");
        }
        return new VarianceReduction(ratio, unhedgedVariance, Math.max(0, hedgedVariance), inSample);
    }

    private static void requirePaired(ReturnSeries basket, ReturnSeries hedge) {
        Objects.requireNonNull(basket, "basket");
        Objects.requireNonNull(hedge, "hedge");
        if (basket.size() != hedge.size()) {
            throw new MismatchedLengthsException(basket.name() + " has " + basket.size() + " returns but "
                    + hedge.name() + " has " + hedge.size() + "; align the closes first");
        }
        if (!basket.dates().equals(hedge.dates())) {
            throw new MismatchedLengthsException(basket.name() + " and " + hedge.name()
                    + " returns are not on the same dates; align the closes first");
        }
        if (basket.type() != hedge.type()) {
            throw new ProxyHedgeException(basket.name() + " has " + basket.type() + " returns but " + hedge.name()
                    + " has " + hedge.type() + "; use one return type");
        }
    }

    private static void requireFinite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ProxyHedgeException(name + " return at index " + i + " must be finite, was " + values[i]);
            }
        }
    }

    private static void requireFiniteRatio(double hedgeRatio) {
        if (!Double.isFinite(hedgeRatio)) {
            throw new ProxyHedgeException("hedgeRatio must be finite, was " + hedgeRatio);
        }
    }

    private static void requireCorrelation(double correlation) {
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new ProxyHedgeException("correlation must lie in [-1, 1], was " + correlation);
        }
    }
}
