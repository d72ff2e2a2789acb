package io.hedgedesk.pricing.funding;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The funding rates settled during a holding period {@code [from, to)}.
 *
 * @param contractId  the contract
 * @param from        start of the period, inclusive
 * @param to          end of the period, exclusive
 * @param settlements number of settlements whose time falls in the period
 * @param rateSum     sum of their rates, a fraction of position value, in market convention (positive = longs paid
 *                    shorts); exact
 */
public record FundingAccrual(String contractId, Instant from, Instant to, int settlements, BigDecimal rateSum) {

    public FundingAccrual {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rateSum, "rateSum");
        if (settlements < 0) {
            throw new FundingProjectionException("settlements must not be negative, was " + settlements);
        }
    }

    /** The rate sum seen by {@code side}: positive = income to the holder, as a fraction of position value. */
    public BigDecimal rateSumToHolder(Side side) {
        return side.fundingToHolder(rateSum);
    }
}
