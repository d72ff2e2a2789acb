package io.hedgedesk.pricing.proxy;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a return is computed from two consecutive closes {@code P₀, P₁}. The default is {@link #SIMPLE}: a hedge's
 * PnL is linear in simple returns ({@code −notional·r}), and the return of a fixed-weight basket is exactly the
 * weighted sum of its components' simple returns, so the basket beta equals the weighted sum of component betas
 * for the basket's real returns. {@link #LOG} returns add over time and suit volatility estimation; the weighted
 * sum of log returns is only an approximation of a basket's log return. Use one type consistently.
 */
public enum ReturnType {
    /** {@code r = P₁/P₀ − 1}; the ratio is computed in DECIMAL128 and converted to double once. */
    SIMPLE {
        @Override
        public double between(BigDecimal previous, BigDecimal current) {
            return ratio(previous, current).subtract(BigDecimal.ONE).doubleValue();
        }

        @Override
        double betweenCloses(double previous, double current) {
            return (current - previous) / previous;
        }
    },
    /** {@code r = ln(P₁/P₀)}; the ratio is computed in DECIMAL128, the logarithm in double. */
    LOG {
        @Override
        public double between(BigDecimal previous, BigDecimal current) {
            return Math.log(ratio(previous, current).doubleValue());
        }

        @Override
        double betweenCloses(double previous, double current) {
            return Math.log(current / previous);
        }
    };

    /** The documented default, {@link #SIMPLE}. */
    public static final ReturnType DEFAULT = SIMPLE;

    /**
     * The return from {@code previous} to {@code current} close (both positive, same currency), as a fraction
     * (0.01 = +1%).
     */
    public abstract double between(BigDecimal previous, BigDecimal current);

    /**
     * The same from closes already converted to {@code double} (positive): what return series use. A close has at
     * most a dozen significant digits, so the double holds it to 1e-16 relative and the return to about 1e-12 of
     * its size — far below any statistic's sampling error — while avoiding a 34-digit division per return.
     */
    abstract double betweenCloses(double previous, double current);

    private static BigDecimal ratio(BigDecimal previous, BigDecimal current) {
        if (previous.signum() <= 0 || current.signum() <= 0) {
            throw new ProxyHedgeException(
                    "closes must be positive, were " + previous.toPlainString() + " and " + current.toPlainString());
        }
        return current.divide(previous, MathContext.DECIMAL128);
    }
}
