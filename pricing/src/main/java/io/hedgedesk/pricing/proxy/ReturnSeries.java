package io.hedgedesk.pricing.proxy;

import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Returns of one asset (or basket) between consecutive closes. Each return is dated by its later close.
 *
 * @param name   the asset symbol or a basket label
 * @param type   how the returns were computed
 * @param dates  the date of each return's later close, strictly ascending
 * @param values the returns as fractions, finite, one per date, at least one
 */
public record ReturnSeries(String name, ReturnType type, List<LocalDate> dates, List<Double> values) {

  public ReturnSeries {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    dates = List.copyOf(Objects.requireNonNull(dates, "dates"));
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    if (dates.size() != values.size()) {
      throw new MismatchedLengthsException("returns of " + name + " have " + dates.size() + " dates but "
          + values.size() + " values");
    }
    if (values.isEmpty()) {
      throw new InsufficientObservationsException("returns of " + name + " must not be empty");
    }
    for (int i = 0; i < values.size(); i++) {
      if (!Double.isFinite(values.get(i))) {
        throw new ProxyHedgeException("return of " + name + " on " + dates.get(i) + " must be finite, was "
            + values.get(i));
      }
      if (i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
        throw new ProxyHedgeException("return dates of " + name + " must be strictly ascending, but " + dates.get(i)
            + " follows " + dates.get(i - 1));
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
    List<PricePoint> points = prices.points();
    if (points.size() < 2) {
      throw new InsufficientObservationsException(prices.assetSymbol() + " has " + points.size()
          + " close(s); at least 2 are needed for a return");
    }
    List<LocalDate> dates = new ArrayList<>(points.size() - 1);
    List<Double> values = new ArrayList<>(points.size() - 1);
    // Each close is converted to double once (closes are validated positive by PricePoint).
    double previous = points.get(0).close().doubleValue();
    for (int i = 1; i < points.size(); i++) {
      double current = points.get(i).close().doubleValue();
      dates.add(points.get(i).date());
      values.add(type.betweenCloses(previous, current));
      previous = current;
    }
    return new ReturnSeries(prices.assetSymbol(), type, dates, values);
  }

  /** Number of returns. */
  public int size() {
    return values.size();
  }

  /** The returns as a fresh array. */
  public double[] toArray() {
    double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  /** The returns at positions {@code [from, to)}. */
  public ReturnSeries subSeries(int from, int to) {
    return new ReturnSeries(name, type, dates.subList(from, to), values.subList(from, to));
  }
}
