package io.hedgedesk.pricing.backtest;

import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.Weighting;
import java.math.BigDecimal;

/**
 * β of the bag on the proxy's hedge coin from the {@code window} daily simple returns ending at a close:
 * {@code r_B,k = V_k / V_(k−1) − 1} with {@code V_k = Σ cᵢ·X_i,k} (the starting coins, held), {@code r_H,k} the hedge
 * coin's, and {@code β = Cov(r_B, r_H) / Var(r_H)} by {@link ProxyHedgeCalculator#statistics} with equal weights.
 * Values are doubles: β is a statistic.
 */
final class ProxyBeta {

    private final double[] bag;
    private final double[] hedge;
    private final int window;

    ProxyBeta(BigDecimal[][] closes, BigDecimal[] coins, BigDecimal[] hedgeCloses, int window) {
        this.window = window;
        this.hedge = new double[hedgeCloses.length];
        this.bag = new double[hedgeCloses.length];
        for (int k = 0; k < hedge.length; k++) {
            hedge[k] = hedgeCloses[k].doubleValue();
            double value = 0;
            for (int i = 0; i < closes.length; i++) {
                value += coins[i].doubleValue() * closes[i][k].doubleValue();
            }
            bag[k] = value;
        }
    }

    /** β from the returns of the closes {@code end − window .. end} (indices into the market's dates). */
    double at(int end) {
        if (end - window < 0) {
            throw new BacktestException(
                    "betaWindow",
                    "β over " + window + " daily returns needs " + window
                            + " days of common history before the window; only " + end + " are stored");
        }
        double[] rb = new double[window];
        double[] rh = new double[window];
        for (int k = 0; k < window; k++) {
            int at = end - window + 1 + k;
            rb[k] = bag[at] / bag[at - 1] - 1;
            rh[k] = hedge[at] / hedge[at - 1] - 1;
        }
        return ProxyHedgeCalculator.DEFAULT.statistics(rb, rh, Weighting.EQUAL).hedgeRatio();
    }
}
