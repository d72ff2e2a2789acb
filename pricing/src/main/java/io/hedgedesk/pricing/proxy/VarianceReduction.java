package io.hedgedesk.pricing.proxy;

/**
 * How much a hedge with a given ratio reduced the variance of the basket's returns over a history:
 * {@code 1 − Var(r_S − h·r_H) / Var(r_S)}.
 *
 * @param hedgeRatio        the ratio h applied
 * @param unhedgedVariance  Var(r_S)
 * @param hedgedVariance    Var(r_S − h·r_H)
 * @param inSample          true when h was estimated on the same returns (then the reduction equals ρ² and
 *                          overstates what the hedge will do on new data)
 */
public record VarianceReduction(double hedgeRatio, double unhedgedVariance, double hedgedVariance, boolean inSample) {

    public VarianceReduction {
        if (!(unhedgedVariance > 0) || !Double.isFinite(unhedgedVariance)) {
            throw new ProxyHedgeException("unhedgedVariance must be positive and finite, was " + unhedgedVariance);
        }
        if (!(hedgedVariance >= 0) || !Double.isFinite(hedgedVariance)) {
            throw new ProxyHedgeException("hedgedVariance must be non-negative and finite, was " + hedgedVariance);
        }
        if (!Double.isFinite(hedgeRatio)) {
            throw new ProxyHedgeException("hedgeRatio must be finite, was " + hedgeRatio);
        }
    }

    /** {@code 1 − hedgedVariance / unhedgedVariance}; negative if the hedge added variance. */
    public double reduction() {
        return 1 - hedgedVariance / unhedgedVariance;
    }

    /** "in-sample" or "out-of-sample", to be shown next to the number. */
    public String label() {
        return inSample ? "in-sample" : "out-of-sample";
    }
}
