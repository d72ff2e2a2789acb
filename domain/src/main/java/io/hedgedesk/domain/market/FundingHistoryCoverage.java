package io.hedgedesk.domain.market;

import java.time.Instant;
import java.util.Objects;

/**
 * What stored funding-rate history exists for one perpetual contract.
 *
 * @param seriesId  the contract catalog id, e.g. {@code "BITMEX:XBTUSD"}
 * @param firstTime the earliest stored settlement time (UTC)
 * @param lastTime  the latest stored settlement time, not before {@code firstTime}
 * @param rows      number of stored settlements, at least 1
 * @param source    where the rates came from (several sources joined with {@code "; "})
 */
public record FundingHistoryCoverage(String seriesId, Instant firstTime, Instant lastTime, int rows, String source) {

    public FundingHistoryCoverage {
        seriesId = PriceSeries.requireText(seriesId, "seriesId");
        Objects.requireNonNull(firstTime, "firstTime");
        Objects.requireNonNull(lastTime, "lastTime");
        source = PriceSeries.requireText(source, "source");
        if (lastTime.isBefore(firstTime)) {
            throw new InvalidMarketDataException(
                    "lastTime " + lastTime + " of " + seriesId + " must not be before firstTime " + firstTime);
        }
        if (rows <= 0) {
            throw new InvalidMarketDataException("rows of " + seriesId + " must be positive, was " + rows);
        }
    }
}
