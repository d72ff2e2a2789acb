package io.hedgedesk.domain.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Several price series restricted to the same dates (the result of an inner join on date).
 *
 * @param dates  the common dates, ascending, at least one
 * @param series the series in the order they were given, each having exactly {@code dates}
 */
public record AlignedPrices(List<LocalDate> dates, List<PriceSeries> series) {

    public AlignedPrices {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(series, "series");
        dates = List.copyOf(dates);
        series = List.copyOf(series);
        if (dates.isEmpty()) {
            throw new InvalidMarketDataException("dates of aligned prices must not be empty");
        }
        if (series.isEmpty()) {
            throw new InvalidMarketDataException("series of aligned prices must not be empty");
        }
        for (PriceSeries each : series) {
            if (!each.hasDates(dates)) {
                throw new InvalidMarketDataException(
                        "series " + each.assetSymbol() + " is not aligned on the common dates");
            }
        }
    }

    /** Number of common dates. */
    public int size() {
        return dates.size();
    }

    /** The aligned series at {@code index}, in the order given to {@link PriceSeries#align(List)}. */
    public PriceSeries get(int index) {
        return series.get(index);
    }
}
