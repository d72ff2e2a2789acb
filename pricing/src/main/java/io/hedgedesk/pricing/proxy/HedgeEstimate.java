package io.hedgedesk.pricing.proxy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Hedge statistics with the period they were estimated on.
 *
 * @param firstReturnDate date of the first return used (the later close of the first pair)
 * @param lastReturnDate  date of the last return used
 * @param statistics      the statistics
 */
public record HedgeEstimate(LocalDate firstReturnDate, LocalDate lastReturnDate, HedgeStatistics statistics) {

    public HedgeEstimate {
        Objects.requireNonNull(firstReturnDate, "firstReturnDate");
        Objects.requireNonNull(lastReturnDate, "lastReturnDate");
        Objects.requireNonNull(statistics, "statistics");
        if (lastReturnDate.isBefore(firstReturnDate)) {
            throw new ProxyHedgeException(
                    "lastReturnDate " + lastReturnDate + " must not be before firstReturnDate " + firstReturnDate);
        }
    }

    /** Shortcut for {@code statistics().hedgeRatio()}, the β of the basket on the hedge instrument. */
    public double beta() {
        return statistics.hedgeRatio();
    }
}
