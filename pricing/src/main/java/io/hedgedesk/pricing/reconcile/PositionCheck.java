package io.hedgedesk.pricing.reconcile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A hedge as recorded beside the position the exchange reports for the same contract. Each difference is
 * exchange − recorded, in the recorded unit (size: contracts for inverse, coins for linear; entry: quote per coin;
 * margin: settlement asset).
 *
 * <p>The size must agree exactly (both count whole contracts or coin steps). The entry may differ by rounding of the
 * venue's average (a relative {@link #ENTRY_TOLERANCE}); the margin differs whenever fees, added margin or funding
 * moved it, so it is shown but flagged only past {@link #MARGIN_TOLERANCE} relative.
 */
public record PositionCheck(
        boolean sameSide,
        BigDecimal sizeDifference,
        BigDecimal entryDifference,
        BigDecimal marginDifference,
        boolean entryDiffers,
        boolean marginDiffers) {

    /** 0.05 %: a venue's average entry may be rounded to a few more digits than the fills. */
    public static final BigDecimal ENTRY_TOLERANCE = new BigDecimal("0.0005");
    /** 1 %: margin moves with fees and funding; beyond this something was added or removed. */
    public static final BigDecimal MARGIN_TOLERANCE = new BigDecimal("0.01");

    public PositionCheck {
        Objects.requireNonNull(sizeDifference, "sizeDifference");
        Objects.requireNonNull(entryDifference, "entryDifference");
        Objects.requireNonNull(marginDifference, "marginDifference");
    }

    /** Whether the exchange holds what was recorded: same side and size, entry within tolerance. */
    public boolean agrees() {
        return sameSide && sizeDifference.signum() == 0 && !entryDiffers;
    }

    /**
     * @param recordedShort the hedge's side is short
     * @param venueShort    the exchange's position is short
     */
    public static PositionCheck of(
            boolean recordedShort,
            BigDecimal recordedSize,
            BigDecimal recordedEntry,
            BigDecimal recordedMargin,
            boolean venueShort,
            BigDecimal venueSize,
            BigDecimal venueEntry,
            BigDecimal venueMargin) {
        BigDecimal entryDifference = venueEntry.subtract(recordedEntry);
        BigDecimal marginDifference = venueMargin.subtract(recordedMargin);
        return new PositionCheck(
                recordedShort == venueShort,
                venueSize.subtract(recordedSize),
                entryDifference,
                marginDifference,
                beyond(entryDifference, recordedEntry, ENTRY_TOLERANCE),
                beyond(marginDifference, recordedMargin, MARGIN_TOLERANCE));
    }

    /** |difference| > tolerance × |reference| (any non-zero difference when the reference is zero). */
    private static boolean beyond(BigDecimal difference, BigDecimal reference, BigDecimal tolerance) {
        if (reference.signum() == 0) {
            return difference.signum() != 0;
        }
        return difference.abs().compareTo(tolerance.multiply(reference.abs(), MathContext.DECIMAL128)) > 0;
    }
}
