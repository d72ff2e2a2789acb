package io.hedgedesk.pricing.backtest;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When a hedge is resized back to its target.
 *
 * @param kind      never, on a drift band, or every N days
 * @param band      {@link Kind#BAND}: the largest |coverage − target| left alone, in (0, 1); otherwise ignored
 * @param everyDays {@link Kind#EVERY_N_DAYS}: days between resizes, at least 1; otherwise ignored
 */
public record Rebalancing(Kind kind, BigDecimal band, int everyDays) {

    /** The rebalancing rule. */
    public enum Kind {
        /** The hedge keeps its opening size. */
        NEVER,
        /** Resized at a close where |coverage − target| exceeds the band. */
        BAND,
        /** Resized every {@code everyDays} days after the opening. */
        EVERY_N_DAYS
    }

    public Rebalancing {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.BAND && (band == null || band.signum() <= 0 || band.compareTo(BigDecimal.ONE) >= 0)) {
            throw new BacktestException(
                    "band",
                    "the drift band must lie in (0, 1), was " + (band == null ? "nothing" : band.toPlainString()));
        }
        if (kind == Kind.EVERY_N_DAYS && everyDays < 1) {
            throw new BacktestException("everyDays", "days between resizes must be at least 1, was " + everyDays);
        }
    }

    public static Rebalancing never() {
        return new Rebalancing(Kind.NEVER, null, 0);
    }

    public static Rebalancing band(BigDecimal band) {
        return new Rebalancing(Kind.BAND, band, 0);
    }

    public static Rebalancing everyDays(int days) {
        return new Rebalancing(Kind.EVERY_N_DAYS, null, days);
    }
}
