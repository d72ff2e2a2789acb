package io.hedgedesk.pricing.proxy;

/**
 * How observations are weighted when estimating σ, ρ, covariance and β.
 * <ul>
 *   <li>{@link Equal}: every observation counts the same; variance and covariance are <b>sample</b> estimates
 *       (divide by {@code n − 1}).</li>
 *   <li>{@link Ewma}: observation {@code k} periods before the newest has weight {@code λᵏ}, weights normalized to
 *       sum to 1; moments are centred on the weighted means and not bias-corrected (so {@code λ = 1} gives the
 *       population estimator, dividing by {@code n}). β and ρ are ratios and do not depend on the normalization.
 *       RiskMetrics uses {@code λ = 0.94} for daily data.</li>
 * </ul>
 */
public sealed interface Weighting permits Weighting.Equal, Weighting.Ewma {

    /** Equal weights, sample (n − 1) estimators. */
    Weighting EQUAL = new Equal();

    /** Exponentially weighted with decay {@code lambda} in (0, 1]. */
    static Weighting ewma(double lambda) {
        return new Ewma(lambda);
    }

    /** Equal weights, sample (n − 1) estimators. */
    record Equal() implements Weighting {}

    /**
     * Exponential weights {@code λᵏ} for the observation {@code k} periods before the newest, normalized.
     *
     * @param lambda the decay factor, in (0, 1]; e.g. 0.94
     */
    record Ewma(double lambda) implements Weighting {
        public Ewma {
            if (!(lambda > 0 && lambda <= 1)) {
                throw new ProxyHedgeException("EWMA lambda must lie in (0, 1], was " + lambda);
            }
        }
    }
}
