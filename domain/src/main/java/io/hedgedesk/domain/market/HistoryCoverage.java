package io.hedgedesk.domain.market;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What stored daily-close history exists for one asset.
 *
 * @param assetSymbol the asset, e.g. {@code "BTC"}
 * @param firstDay    the earliest stored UTC day
 * @param lastDay     the latest stored UTC day, not before {@code firstDay}
 * @param rows        number of stored closes, at least 1
 * @param source      where the closes came from (several sources joined with {@code "; "})
 */
public record HistoryCoverage(String assetSymbol, LocalDate firstDay, LocalDate lastDay, int rows, String source) {

    public HistoryCoverage {
        assetSymbol = PriceSeries.requireText(assetSymbol, "assetSymbol");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        source = PriceSeries.requireText(source, "source");
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidMarketDataException(
                    "lastDay " + lastDay + " of " + assetSymbol + " must not be before firstDay " + firstDay);
        }
        if (rows <= 0) {
            throw new InvalidMarketDataException("rows of " + assetSymbol + " must be positive, was " + rows);
        }
    }
}
