package io.hedgedesk.pricing.proxy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The β of a basket on a hedge instrument, computed two ways that agree up to floating-point rounding: the
 * value-weighted sum of component betas, and the β of the basket's own return series (see
 * {@link ProxyHedgeCalculator#basketBeta}).
 *
 * @param basketValue   total basket value in USD, {@code Σ valueᵢ}
 * @param components    each component's weight and statistics, in input order
 * @param weightedBeta  {@code Σ wᵢ·βᵢ}
 * @param basket        statistics of the basket's return series on the hedge instrument
 * @param basketReturns the basket's returns {@code Σ wᵢ·rᵢ} (constant weights), for rolling estimates
 * @param hedgeReturns  the hedge instrument's returns on the same dates
 */
public record BasketBeta(
        BigDecimal basketValue,
        List<ComponentBeta> components,
        double weightedBeta,
        HedgeEstimate basket,
        ReturnSeries basketReturns,
        ReturnSeries hedgeReturns) {

    public BasketBeta {
        Objects.requireNonNull(basketValue, "basketValue");
        Objects.requireNonNull(basket, "basket");
        Objects.requireNonNull(basketReturns, "basketReturns");
        Objects.requireNonNull(hedgeReturns, "hedgeReturns");
        components = List.copyOf(Objects.requireNonNull(components, "components"));
        if (!Double.isFinite(weightedBeta)) {
            throw new ProxyHedgeException("weightedBeta must be finite, was " + weightedBeta);
        }
    }

    /** β of the basket's own return series: the minimum-variance hedge ratio of the basket. */
    public double seriesBeta() {
        return basket.beta();
    }
}
