package io.hedgedesk.pricing.proxy;

import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Returns of one asset (or basket) between consecutive closes, immutable. Each return is dated by its later close.
 * The returns are held in a primitive array: a 100-asset basket over 1,000 days is 100,000 of them, and boxing
 * each one cost more than the statistics computed from them (bench/README.md).
 */
public final class ReturnSeries {

    private final String name;
    private final ReturnType type;
    private final List<LocalDate> dates;
    private final double[] values;

    /**
     * @param name   the asset symbol or a basket label
     * @param type   how the returns were computed
     * @param dates  the date of each return's later close, strictly ascending
     * @param values the returns as fractions, finite, one per date, at least one
     */
    public ReturnSeries(String name, ReturnType type, List<LocalDate> dates, List<Double> values) {
        this(
                name,
                type,
                List.copyOf(Objects.requireNonNull(dates, "dates")),
                toArray(Objects.requireNonNull(values, "values")),
                true);
    }

    private ReturnSeries(String name, ReturnType type, List<LocalDate> dates, double[] values, boolean checkDates) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.dates = dates;
        this.values = values;
        if (dates.size() != values.length) {
            throw new MismatchedLengthsException(
                    "returns of " + name + " have " + dates.size() + " dates but " + values.length + " values");
        }
        if (values.length == 0) {
            throw new InsufficientObservationsException("returns of " + name + " must not be empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ProxyHedgeException(
                        "return of " + name + " on " + dates.get(i) + " must be finite, was " + values[i]);
            }
            if (checkDates && i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
                throw new ProxyHedgeException("return dates of " + name + " must be strictly ascending, but "
                        + dates.get(i) + " follows " + dates.get(i - 1));
            }
        }
    }

    /**
     * The returns between consecutive closes of {@code prices}: {@code n} closes give {@code n − 1} returns. If the
     * closes skip days (e.g. after alignment), a return spans the whole gap.
     *
     * @throws InsufficientObservationsException if the series has fewer than two closes
     */
    public static ReturnSeries of(PriceSeries prices, ReturnType type) {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(type, "type");
        double[] returns = returnsOf(prices, type);
        // A PriceSeries' dates are already strictly ascending, so the dates need no second check.
        return new ReturnSeries(prices.assetSymbol(), type, prices.dates().subList(1, prices.size()), returns, false);
    }

    /** A series from returns the caller computed on dates it already checked (strictly ascending, immutable). */
    static ReturnSeries trusted(String name, ReturnType type, List<LocalDate> dates, double[] values) {
        return new ReturnSeries(name, type, dates, values, false);
    }

    /**
     * The returns between consecutive closes, as an array; each close is converted to {@code double} once (closes are
     * validated positive by {@link PricePoint}).
     *
     * @throws InsufficientObservationsException if the series has fewer than two closes
     */
    static double[] returnsOf(PriceSeries prices, ReturnType type) {
        List<PricePoint> points = prices.points();
        if (points.size() < 2) {
            throw new InsufficientObservationsException(
                    prices.assetSymbol() + " has " + points.size() + " close(s); at least 2 are needed for a return");
        }
        double[] returns = new double[points.size() - 1];
        double previous = points.get(0).close().doubleValue();
        for (int i = 1; i < points.size(); i++) {
            double current = points.get(i).close().doubleValue();
            returns[i - 1] = type.betweenCloses(previous, current);
            previous = current;
        }
        return returns;
    }

    public String name() {
        return name;
    }

    public ReturnType type() {
        return type;
    }

    /** The date of each return's later close, ascending. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** The returns as an unmodifiable list view. */
    public List<Double> values() {
        return new Values(values);
    }

    /** Number of returns. */
    public int size() {
        return values.length;
    }

    /** The returns as a fresh array. */
    public double[] toArray() {
        return values.clone();
    }

    /** The returns without copying; package-private because the array must not be modified. */
    double[] array() {
        return values;
    }

    /** The returns at positions {@code [from, to)}. */
    public ReturnSeries subSeries(int from, int to) {
        return new ReturnSeries(name, type, dates.subList(from, to), Arrays.copyOfRange(values, from, to), false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnSeries that
                && name.equals(that.name)
                && type == that.type
                && dates.equals(that.dates)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, dates, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "ReturnSeries[" + name + ", " + type + ", " + values.length + " returns"
                + (values.length > 0 ? " " + dates.get(0) + ".." + dates.get(dates.size() - 1) : "") + "]";
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = Objects.requireNonNull(values.get(i), "values");
        }
        return array;
    }

    /** Read-only boxed view of the array. */
    private static final class Values extends AbstractList<Double> implements RandomAccess {
        private final double[] values;

        Values(double[] values) {
            this.values = values;
        }

        @Override
        public Double get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
