package io.hedgedesk.domain.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Daily closes of one asset, ordered by strictly ascending date (unique days). Never empty.
 *
 * @param assetSymbol the asset's symbol, e.g. {@code "BTC"}
 * @param source      where the data came from (venue, product, provenance), free text
 * @param points      the closes, ascending by date, at least one
 */
public record PriceSeries(String assetSymbol, String source, List<PricePoint> points) {

    public PriceSeries {
        assetSymbol = requireText(assetSymbol, "assetSymbol");
        source = requireText(source, "source");
        points = requireAscending(points, PricePoint::date, "points", assetSymbol, "dates");
    }

    /** Number of closes. */
    public int size() {
        return points.size();
    }

    /** The earliest close. */
    public PricePoint first() {
        return points.get(0);
    }

    /** The latest close. */
    public PricePoint last() {
        return points.get(points.size() - 1);
    }

    /** The dates, ascending. */
    public List<LocalDate> dates() {
        return points.stream().map(PricePoint::date).toList();
    }

    /** The closes in date order. */
    public List<BigDecimal> closes() {
        return points.stream().map(PricePoint::close).toList();
    }

    /** The close on exactly {@code date}, if the series has one. */
    public Optional<BigDecimal> closeOn(LocalDate date) {
        int index = search(date);
        return index >= 0 ? Optional.of(points.get(index).close()) : Optional.empty();
    }

    /** The latest point on or before {@code date} (e.g. "the price as of"), empty if the series starts later. */
    public Optional<PricePoint> latestOnOrBefore(LocalDate date) {
        int index = search(date);
        int at = index >= 0 ? index : -index - 2;
        return at >= 0 ? Optional.of(points.get(at)) : Optional.empty();
    }

    /**
     * The points with {@code from <= date <= to} (both inclusive).
     *
     * @throws InvalidMarketDataException if {@code from} is after {@code to} or no point falls in the range
     */
    public PriceSeries between(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new InvalidMarketDataException("from " + from + " must not be after to " + to);
        }
        int start = insertionPoint(from);
        int toIndex = search(to);
        int endExclusive = toIndex >= 0 ? toIndex + 1 : -toIndex - 1;
        if (start >= endExclusive) {
            throw new InvalidMarketDataException(assetSymbol + " has no closes between " + from + " and " + to
                    + " (series covers " + first().date() + ".." + last().date() + ")");
        }
        return new PriceSeries(assetSymbol, source, points.subList(start, endExclusive));
    }

    /**
     * The last {@code days} calendar days of the series: points dated after {@code last().date() - days}, i.e.
     * the range {@code (end - days, end]}. For a gap-free daily series this is the last {@code days} points.
     *
     * @throws InvalidMarketDataException if {@code days} is not positive
     */
    public PriceSeries lastDays(int days) {
        if (days <= 0) {
            throw new InvalidMarketDataException("days must be positive, was " + days);
        }
        LocalDate end = last().date();
        return between(end.minusDays(days - 1L), end);
    }

    /**
     * Aligns several series on the dates they all share (inner join), keeping each series' own closes.
     *
     * @throws InvalidMarketDataException if no series is given or they share no date
     */
    public static AlignedPrices align(List<PriceSeries> series) {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw new InvalidMarketDataException("series to align must not be empty");
        }
        // Intersect the ascending date lists pairwise with two cursors (linear, no hashing): daily closes of a basket
        // usually share every date, and then nothing is copied at all.
        List<LocalDate> common = series.get(0).dates();
        for (PriceSeries other : series.subList(1, series.size())) {
            if (!other.hasDates(common)) {
                common = intersect(common, other.points());
            }
        }
        if (common.isEmpty()) {
            throw new InvalidMarketDataException(
                    "series " + series.stream().map(PriceSeries::assetSymbol).toList() + " share no common date");
        }
        List<PriceSeries> restricted = new ArrayList<>(series.size());
        for (PriceSeries each : series) {
            restricted.add(each.size() == common.size() ? each : each.restrictedTo(common));
        }
        return new AlignedPrices(common, restricted);
    }

    /** Whether this series is dated exactly {@code dates} (same days, same order). */
    boolean hasDates(List<LocalDate> dates) {
        if (dates.size() != points.size()) {
            return false;
        }
        for (int i = 0; i < dates.size(); i++) {
            if (!points.get(i).date().equals(dates.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<LocalDate> intersect(List<LocalDate> dates, List<PricePoint> points) {
        List<LocalDate> kept = new ArrayList<>(Math.min(dates.size(), points.size()));
        int i = 0;
        int j = 0;
        while (i < dates.size() && j < points.size()) {
            int cmp = dates.get(i).compareTo(points.get(j).date());
            if (cmp == 0) {
                kept.add(dates.get(i));
                i++;
                j++;
            } else if (cmp < 0) {
                i++;
            } else {
                j++;
            }
        }
        return kept;
    }

    /** The points on {@code dates}, which must all be dates of this series (ascending). */
    private PriceSeries restrictedTo(List<LocalDate> dates) {
        List<PricePoint> kept = new ArrayList<>(dates.size());
        int j = 0;
        for (PricePoint point : points) {
            if (j < dates.size() && point.date().equals(dates.get(j))) {
                kept.add(point);
                j++;
            }
        }
        return new PriceSeries(assetSymbol, source, kept);
    }

    /** Convenience overload of {@link #align(List)}. */
    public static AlignedPrices align(PriceSeries first, PriceSeries... others) {
        List<PriceSeries> all = new ArrayList<>(others.length + 1);
        all.add(first);
        Collections.addAll(all, others);
        return align(all);
    }

    private int search(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int low = 0;
        int high = points.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = points.get(mid).date().compareTo(date);
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

    /** Index of the first point dated on or after {@code date}. */
    private int insertionPoint(LocalDate date) {
        int index = search(date);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * An immutable copy of {@code items}, checked to be non-empty and strictly ascending by {@code key}; the messages
     * name the list ({@code field}), its series ({@code owner}) and what is ordered ({@code keys}, e.g. "dates").
     */
    static <T, K extends Comparable<? super K>> List<T> requireAscending(
            List<T> items, Function<? super T, K> key, String field, String owner, String keys) {
        Objects.requireNonNull(items, field);
        List<T> copy = List.copyOf(items);
        if (copy.isEmpty()) {
            throw new InvalidMarketDataException(field + " of " + owner + " must not be empty");
        }
        for (int i = 1; i < copy.size(); i++) {
            K previous = key.apply(copy.get(i - 1));
            K current = key.apply(copy.get(i));
            if (current.compareTo(previous) <= 0) {
                throw new InvalidMarketDataException(field + " of " + owner + " must have strictly ascending " + keys
                        + ", but " + current + " follows " + previous + " at index " + i);
            }
        }
        return copy;
    }

    static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new InvalidMarketDataException(field + " must not be blank");
        }
        return value.strip();
    }
}
