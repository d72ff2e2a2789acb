package io.hedgedesk.pricing.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A basket hedged by proxy with another asset's perpetual (see {@code io.hedgedesk.pricing.proxy}). In a scenario the
 * hedge asset moves by the shock {@code s} and the basket by {@code (1 + s)^β − 1} ({@link #move}), give or take a
 * residual band.
 *
 * @param valueUsd           current basket value in USD, positive
 * @param beta               β of the basket on the hedge asset (the minimum-variance hedge ratio), finite
 * @param residualVolatility standard deviation of the basket's return not explained by the hedge asset, over the
 *                           scenario horizon, as a fraction (e.g. a daily {@code σ_S·√(1 − ρ²)} times √days); at
 *                           least 0
 * @param bandWidth          {@code k}: the band is {@code ± k × residualVolatility × valueUsd}; at least 0 (0 = no
 *                           band)
 */
public record ProxyBasket(BigDecimal valueUsd, double beta, double residualVolatility, double bandWidth) {

    public ProxyBasket {
        Objects.requireNonNull(valueUsd, "valueUsd");
        if (valueUsd.signum() <= 0) {
            throw new ScenarioException("basket valueUsd must be positive, was " + valueUsd.toPlainString());
        }
        if (!Double.isFinite(beta)) {
            throw new ScenarioException("beta must be finite, was " + beta);
        }
        if (!(residualVolatility >= 0) || !Double.isFinite(residualVolatility)) {
            throw new ScenarioException(
                    "residualVolatility must be non-negative and finite, was " + residualVolatility);
        }
        if (!(bandWidth >= 0) || !Double.isFinite(bandWidth)) {
            throw new ScenarioException("bandWidth must be non-negative and finite, was " + bandWidth);
        }
    }

    /** Significant digits kept of the {@code double} power in {@link #move}: about what a double carries. */
    private static final MathContext POWER_DIGITS = new MathContext(15);

    /**
     * The basket's relative move when the hedge asset moves by {@code s > −1}: {@code (1 + s)^β − 1}, i.e. β applied to
     * log returns, {@code ln(1 + R) = β·ln(1 + s)}. For small moves it is {@code β·s} to first order (the regression's
     * β); unlike {@code β·s} it stays above −100 % for every shock above −100 % and every β, so the basket's price
     * never goes below zero and it never loses more than its value (β·s at β 1.6 and s −80 % would be −128 %).
     *
     * <p>β is a statistic (a {@code double}, domain.md §8), so the power is taken in {@code double} as
     * {@code expm1(β·log1p(s))} (relative error about 1e-16 even for small shocks) and converted deliberately: rounded to
     * 15 significant digits. {@code β = 1} gives {@code s} exactly, {@code β = 0} gives 0.
     *
     * @throws ScenarioException if {@code s ≤ −1}, or if the move does not fit a double (a negative β with a shock
     *                           within about 1e-16 of −100 %)
     */
    public BigDecimal move(BigDecimal shock) {
        Objects.requireNonNull(shock, "shock");
        if (shock.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new ScenarioException(
                    "shock must be above -1 (a price cannot fall 100 % or more), was " + shock.toPlainString());
        }
        if (beta == 0 || shock.signum() == 0) {
            return BigDecimal.ZERO;
        }
        double move = Math.expm1(beta * Math.log1p(shock.doubleValue()));
        if (!Double.isFinite(move)) {
            throw new ScenarioException(
                    "the basket's move (1 + " + shock.toPlainString() + ")^" + beta + " − 1 is too large to compute");
        }
        return new BigDecimal(Double.toString(move)).round(POWER_DIGITS);
    }

    /** The basket's USD PnL for a hedge-asset shock {@code s}: {@code valueUsd × ((1 + s)^β − 1)}, at least −valueUsd. */
    public BigDecimal pnlUsd(BigDecimal shock) {
        return valueUsd.multiply(move(shock)).max(valueUsd.negate());
    }

    /** Half-width of the residual band in USD: {@code k × residualVolatility × valueUsd}, at least 0. */
    public BigDecimal bandUsd() {
        return valueUsd.multiply(BigDecimal.valueOf(bandWidth)).multiply(BigDecimal.valueOf(residualVolatility));
    }
}
