package io.hedgedesk.pricing.proxy;

import java.util.Objects;

/**
 * Minimum-variance hedge statistics of a basket S on a hedge instrument H from paired returns. Volatilities and
 * covariance are per observation period (daily for daily closes); see the {@code annualized…} methods.
 *
 * @param observations       number of paired returns
 * @param weighting          how they were weighted
 * @param basketVolatility   σ_S, standard deviation of the basket's returns
 * @param hedgeVolatility    σ_H, standard deviation of the hedge instrument's returns
 * @param covariance         Cov(r_S, r_H)
 * @param correlation        ρ = Cov / (σ_S·σ_H), in [−1, 1]
 * @param hedgeRatio         h* = Cov / σ_H² = ρ·σ_S/σ_H: units of hedge notional per unit of basket value
 *                           (positive = short the hedge instrument against a long basket)
 * @param hedgeEffectiveness ρ², the fraction of the basket's variance the optimal hedge removes
 * @param residualVolatility σ_S·√(1 − ρ²), the volatility left after the optimal hedge
 */
public record HedgeStatistics(
        int observations,
        Weighting weighting,
        double basketVolatility,
        double hedgeVolatility,
        double covariance,
        double correlation,
        double hedgeRatio,
        double hedgeEffectiveness,
        double residualVolatility) {

    /** Observation periods per year for daily data: crypto trades 365 days a year. */
    public static final int PERIODS_PER_YEAR = 365;

    public HedgeStatistics {
        Objects.requireNonNull(weighting, "weighting");
        if (observations < 2) {
            throw new InsufficientObservationsException("observations must be at least 2, was " + observations);
        }
        requireFinite(covariance, "covariance");
        requireFinite(hedgeRatio, "hedgeRatio");
        requirePositive(basketVolatility, "basketVolatility");
        requirePositive(hedgeVolatility, "hedgeVolatility");
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new ProxyHedgeException("correlation must lie in [-1, 1], was " + correlation);
        }
        if (!(hedgeEffectiveness >= 0 && hedgeEffectiveness <= 1)) {
            throw new ProxyHedgeException("hedgeEffectiveness must lie in [0, 1], was " + hedgeEffectiveness);
        }
        if (!(residualVolatility >= 0 && residualVolatility <= basketVolatility)) {
            throw new ProxyHedgeException(
                    "residualVolatility must lie in [0, basketVolatility], was " + residualVolatility);
        }
    }

    /** σ_S × √365, for daily returns. */
    public double annualizedBasketVolatility() {
        return basketVolatility * Math.sqrt(PERIODS_PER_YEAR);
    }

    /** σ_H × √365, for daily returns. */
    public double annualizedHedgeVolatility() {
        return hedgeVolatility * Math.sqrt(PERIODS_PER_YEAR);
    }

    /** σ_S·√(1 − ρ²) × √365, for daily returns. */
    public double annualizedResidualVolatility() {
        return residualVolatility * Math.sqrt(PERIODS_PER_YEAR);
    }

    private static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new ProxyHedgeException(name + " must be finite, was " + value);
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ProxyHedgeException(name + " must be positive and finite, was " + value);
        }
    }
}
