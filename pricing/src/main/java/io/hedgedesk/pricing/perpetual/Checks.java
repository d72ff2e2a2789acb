package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import java.math.BigDecimal;
import java.util.Objects;

/** Guard clauses shared by the pricers; every message names the argument and its value. */
final class Checks {

    private Checks() {}

    /** {@code value} if it is positive, else a {@link PerpetualPricingException} naming {@code name}. */
    static BigDecimal positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new PerpetualPricingException(name + " must be positive, was " + value.toPlainString());
        }
        return value;
    }

    /** The value of {@code margin}, which must be in {@code asset} and not negative. */
    static BigDecimal extraMargin(Amount margin, Asset asset) {
        Objects.requireNonNull(margin, "extraMargin");
        if (!margin.asset().equals(asset)) {
            throw new PerpetualPricingException("extraMargin must be in " + asset + ", was " + margin);
        }
        if (margin.signum() < 0) {
            throw new PerpetualPricingException("extraMargin must not be negative, was " + margin);
        }
        return margin.value();
    }
}
