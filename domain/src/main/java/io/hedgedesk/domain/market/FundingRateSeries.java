package io.hedgedesk.domain.market;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Funding settlements of one perpetual contract, ordered by strictly ascending settlement time. Never empty.
 *
 * <p>The funding interval is <b>not</b> assumed: it is the time between consecutive settlements and may change
 * within a series (e.g. Binance SOLUSDT settled every 2 h and 4 h during the FTX crash in November 2022) or show
 * gaps where the source has no data.
 *
 * @param contractId the contract, e.g. {@code "BITMEX:XBTUSD"}
 * @param source     where the data came from, free text
 * @param rates      the settlements, ascending by time, at least one
 */
public record FundingRateSeries(String contractId, String source, List<FundingRate> rates) {

    public FundingRateSeries {
        contractId = PriceSeries.requireText(contractId, "contractId");
        source = PriceSeries.requireText(source, "source");
        rates = PriceSeries.requireAscending(rates, FundingRate::time, "rates", contractId, "times");
    }

    /** Number of settlements. */
    public int size() {
        return rates.size();
    }

    /** The settlement at {@code index} (0 = earliest). */
    public FundingRate get(int index) {
        return rates.get(index);
    }

    /** The earliest settlement. */
    public FundingRate first() {
        return rates.get(0);
    }

    /** The latest settlement. */
    public FundingRate last() {
        return rates.get(rates.size() - 1);
    }

    /**
     * The intervals between consecutive settlements, computed from the timestamps: element {@code i} is
     * {@code time(i + 1) - time(i)}. Has {@code size() - 1} elements.
     */
    public List<Duration> intervals() {
        List<Duration> intervals = new ArrayList<>(rates.size() - 1);
        for (int i = 1; i < rates.size(); i++) {
            intervals.add(Duration.between(rates.get(i - 1).time(), rates.get(i).time()));
        }
        return List.copyOf(intervals);
    }

    /**
     * The interval that ended with settlement {@code index}, i.e. {@code time(index) - time(index - 1)}; empty for
     * the first settlement, whose predecessor is unknown.
     */
    public Optional<Duration> intervalEndingAt(int index) {
        Objects.checkIndex(index, rates.size());
        return index == 0
                ? Optional.empty()
                : Optional.of(Duration.between(
                        rates.get(index - 1).time(), rates.get(index).time()));
    }

    /** The settlement at exactly {@code time}, if any. */
    public Optional<FundingRate> rateAt(Instant time) {
        int index = search(time);
        return index >= 0 ? Optional.of(rates.get(index)) : Optional.empty();
    }

    /**
     * Index of the first settlement at or after {@code time}; {@code size()} if every settlement is earlier.
     * With two calls this selects the settlements of a half-open period {@code [from, to)}.
     */
    public int indexAtOrAfter(Instant time) {
        int index = search(time);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * The settlements with {@code from <= time < to} (half-open).
     *
     * @throws InvalidMarketDataException if {@code from} is not before {@code to} or no settlement falls in the range
     */
    public FundingRateSeries between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InvalidMarketDataException("from " + from + " must be before to " + to);
        }
        int start = indexAtOrAfter(from);
        int endExclusive = indexAtOrAfter(to);
        if (start >= endExclusive) {
            throw new InvalidMarketDataException(contractId + " has no funding settlements in [" + from + ", " + to
                    + ") (series covers " + first().time() + ".." + last().time() + ")");
        }
        return new FundingRateSeries(contractId, source, rates.subList(start, endExclusive));
    }

    private int search(Instant time) {
        Objects.requireNonNull(time, "time");
        int low = 0;
        int high = rates.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = rates.get(mid).time().compareTo(time);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
