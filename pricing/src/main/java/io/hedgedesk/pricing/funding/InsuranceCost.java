package io.hedgedesk.pricing.funding;

import io.hedgedesk.domain.instrument.Side;
import java.util.Objects;

/**
 * The expected funding of a hedge position per month and per year at the history window's mean rate: the
 * "cost of insurance" (or its income, when funding is received). Position value is held constant.
 *
 * @param side     the side of the perpetual position
 * @param perMonth expected funding over 30 days; positive = income to the holder
 * @param perYear  expected funding over 365 days; positive = income to the holder
 */
public record InsuranceCost(Side side, FundingCash perMonth, FundingCash perYear) {

    public InsuranceCost {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(perMonth, "perMonth");
        Objects.requireNonNull(perYear, "perYear");
    }

    /** "income", "cost" or "none", from the holder's point of view. */
    public String directionWord() {
        return perYear.direction().word();
    }
}
