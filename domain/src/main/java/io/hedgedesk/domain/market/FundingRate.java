package io.hedgedesk.domain.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One funding settlement of a perpetual contract.
 *
 * <p>Sign convention: a <b>positive rate means longs pay shorts</b>, a negative rate means shorts pay longs.
 *
 * @param time the settlement time (UTC)
 * @param rate the decimal fraction of position value paid per funding interval (0.0001 = 0.01%);
 *             must lie strictly between -1 and 1, which catches a percentage entered as a fraction
 */
public record FundingRate(Instant time, BigDecimal rate) {

    public FundingRate {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rate, "rate");
        if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidMarketDataException(
                    "rate must be a fraction strictly between -1 and 1, was " + rate.toPlainString() + " at " + time);
        }
    }
}
