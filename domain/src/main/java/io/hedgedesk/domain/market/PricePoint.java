package io.hedgedesk.domain.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One daily close.
 *
 * @param date  the UTC calendar day of the bar
 * @param close the last price of that day, in the series' quote currency (e.g. USDT); strictly positive
 */
public record PricePoint(LocalDate date, BigDecimal close) {

    public PricePoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(close, "close");
        if (close.signum() <= 0) {
            throw new InvalidMarketDataException(
                    "close must be positive, was " + close.toPlainString() + " on " + date);
        }
    }
}
