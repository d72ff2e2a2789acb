package io.hedgedesk.pricing.perpetual;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far the mark price is from the liquidation price, signed so that <b>positive = not yet liquidated</b> for
 * both sides: a long's distance is {@code mark − LP}, a short's {@code LP − mark}.
 *
 * @param liquidationPrice LP, quote currency
 * @param markPrice        the mark price measured from, quote currency
 * @param priceDistance    {@code mark − LP} (long) or {@code LP − mark} (short), quote currency
 * @param fraction         {@code priceDistance / mark}: the adverse move, as a fraction of the mark, that reaches LP
 */
public record LiquidationDistance(
        BigDecimal liquidationPrice, BigDecimal markPrice, BigDecimal priceDistance, BigDecimal fraction) {

    public LiquidationDistance {
        Objects.requireNonNull(liquidationPrice, "liquidationPrice");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(priceDistance, "priceDistance");
        Objects.requireNonNull(fraction, "fraction");
    }

    /** True when the mark is at or beyond the liquidation price. */
    public boolean isLiquidated() {
        return priceDistance.signum() <= 0;
    }
}
