package io.hedgedesk.pricing.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Stateless arithmetic on one contract's quote: basis, annualized funding, and how far a new price is from the last. Prices are in the contract's quote
 * currency (USD for inverse, USDT for linear contracts); rates are decimal fractions (0.0001 = 0.01 %).
 */
public final class QuoteMath {

    /** Days in the year used for annualizing: funding settles every calendar day, 365 a year (no leap day). */
    public static final int DAYS_PER_YEAR = 365;

    /** A manual price more than this fraction (50 %) away from the last known one asks for confirmation. */
    public static final BigDecimal CONFIRM_ABOVE = new BigDecimal("0.5");

    private QuoteMath() {}

    /**
     * Basis in price units: {@code mark − index}. Positive when the perpetual trades above its index (premium, which
     * usually goes with a positive funding rate: longs pay shorts).
     *
     * @throws IllegalArgumentException if either price is not strictly positive
     */
    public static BigDecimal basis(BigDecimal mark, BigDecimal index) {
        requirePositive(mark, "mark");
        requirePositive(index, "index");
        return mark.subtract(index);
    }

    /**
     * Basis as a fraction of the index: {@code (mark − index) / index} (multiply by 100 for percent), in
     * {@link MathContext#DECIMAL128}.
     *
     * @throws IllegalArgumentException if either price is not strictly positive
     */
    public static BigDecimal basisFraction(BigDecimal mark, BigDecimal index) {
        return basis(mark, index).divide(index, MathContext.DECIMAL128);
    }

    /**
     * Funding settlements per year for an interval of {@code intervalHours}: {@code 24 / intervalHours × 365}
     * (8 h → 3 × 365 = 1095; 1 h → 24 × 365 = 8760; 24 h → 365). Exact for intervals that divide 24; otherwise a
     * DECIMAL128 quotient (5 h → 1752).
     *
     * @throws IllegalArgumentException if {@code intervalHours} is not 1..24 (a continuously accruing contract has
     *                                  no settlement count; its rate cannot be annualized this way)
     */
    public static BigDecimal settlementsPerYear(int intervalHours) {
        if (intervalHours < 1 || intervalHours > 24) {
            throw new IllegalArgumentException("funding interval must be 1..24 hours, was " + intervalHours);
        }
        return BigDecimal.valueOf(24L * DAYS_PER_YEAR)
                .divide(BigDecimal.valueOf(intervalHours), MathContext.DECIMAL128);
    }

    /**
     * The simple (not compounded) annualized funding rate: {@code rate × settlementsPerYear(intervalHours)}
     * {@code = rate × 24 / intervalHours × 365}. Same sign convention as the rate: positive means longs pay shorts,
     * so a short hedge would <em>receive</em> that fraction of its position value per year if the rate held.
     * Example: 0.0001 every 8 h → 0.0001 × 1095 = 0.1095 (10.95 % a year).
     *
     * @throws IllegalArgumentException if the interval is not 1..24 hours
     */
    public static BigDecimal annualizedRate(BigDecimal ratePerInterval, int intervalHours) {
        Objects.requireNonNull(ratePerInterval, "ratePerInterval");
        return ratePerInterval.multiply(settlementsPerYear(intervalHours), MathContext.DECIMAL128);
    }

    /**
     * How far {@code price} is from {@code reference}, as a fraction of the reference:
     * {@code |price − reference| / reference} (multiply by 100 for percent), in {@link MathContext#DECIMAL128}.
     * Unsigned: 60,000 → 90,000 and 60,000 → 30,000 are both 0.5.
     *
     * @throws IllegalArgumentException if either price is not strictly positive
     */
    public static BigDecimal relativeDistance(BigDecimal reference, BigDecimal price) {
        requirePositive(reference, "reference");
        requirePositive(price, "new");
        return price.subtract(reference).abs().divide(reference, MathContext.DECIMAL128);
    }

    /**
     * Whether a price typed in by hand is far enough from the last known one to be confirmed first: its
     * {@link #relativeDistance} is more than {@link #CONFIRM_ABOVE} (exactly 50 % away needs no confirmation).
     *
     * @throws IllegalArgumentException if either price is not strictly positive
     */
    public static boolean needsConfirmation(BigDecimal reference, BigDecimal price) {
        return relativeDistance(reference, price).compareTo(CONFIRM_ABOVE) > 0;
    }

    private static void requirePositive(BigDecimal price, String name) {
        Objects.requireNonNull(price, name);
        if (price.signum() <= 0) {
            throw new IllegalArgumentException(name + " price must be positive, was " + price.toPlainString());
        }
    }
}
