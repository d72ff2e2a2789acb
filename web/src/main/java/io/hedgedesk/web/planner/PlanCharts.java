package io.hedgedesk.web.planner;

import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.HedgeEstimate;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.sizing.ScenarioView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The planner's charts: payoff across scenario prices, β over rolling windows, funding per day. */
public final class PlanCharts {

  private PlanCharts() {
  }

  /** A chart series of scenario rows: x = the row's price, y = one of its USD columns. */
  static <T> SvgChart.Series series(String name, String css, List<T> rows, Function<T, BigDecimal> x,
      Function<T, BigDecimal> y) {
    List<double[]> values = new ArrayList<>();
    for (T row : rows) {
      values.add(new double[] {x.apply(row).doubleValue(), y.apply(row).doubleValue()});
    }
    return new SvgChart.Series(name, css, values);
  }

  /** Spot, hedge and net PnL in USD across the scenario prices. */
  static SvgChart payoff(ScenarioView view) {
    return SvgChart.of("Payoff in USD across prices", List.of(
        series("Spot", "spot", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::spotPnlUsd),
        series("Hedge", "hedge", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::hedgePnlUsd),
        series("Net", "net", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::netPnlUsd)),
        SvgChart.fitted(), SvgChart.fitted());
  }

  /** β over rolling 30-return windows (or half the history when shorter), x in days since the epoch. */
  static Optional<SvgChart> betaChart(BasketBeta beta, Weighting weighting) {
    int n = beta.basketReturns().size();
    int window = Math.min(30, n / 2);
    if (window < 2) {
      return Optional.empty();
    }
    List<double[]> values = new ArrayList<>();
    for (HedgeEstimate e : ProxyHedgeCalculator.DEFAULT.rolling(beta.basketReturns(), beta.hedgeReturns(), window,
        weighting)) {
      values.add(new double[] {e.lastReturnDate().toEpochDay(), e.beta()});
    }
    return Optional.of(SvgChart.of("β over rolling " + window + "-day windows",
        List.of(new SvgChart.Series("β", "beta", values)), (day, step) -> dayLabel(day), SvgChart.decimals(2)));
  }

  /** Funding per day (sum of the day's rates, percent) over the window. */
  public static SvgChart fundingChart(FundingRateSeries series, LocalDate from, LocalDate to) {
    TreeMap<Long, BigDecimal> daily = dailyFunding(series, from, to);
    List<double[]> values = new ArrayList<>();
    daily.forEach((day, sum) -> values.add(new double[] {day, sum.movePointRight(2).doubleValue()}));
    return SvgChart.of("Funding per day, % of position value (" + series.contractId() + ")",
        List.of(new SvgChart.Series("funding", "funding", values)), (day, step) -> dayLabel(day), SvgChart.decimals(3));
  }

  /** The sum of each UTC day's funding rates, by epoch day, for the days {@code from..to} (both inclusive). */
  static TreeMap<Long, BigDecimal> dailyFunding(FundingRateSeries series, LocalDate from, LocalDate to) {
    TreeMap<Long, BigDecimal> daily = new TreeMap<>();
    long first = from.toEpochDay();
    long last = to.toEpochDay();
    for (FundingRate rate : series.rates()) {
      // the UTC day by arithmetic: a ZonedDateTime per settlement of the whole history was ~40 % of the page
      long day = Math.floorDiv(rate.time().getEpochSecond(), 86_400L);
      if (day >= first && day <= last) {
        daily.merge(day, rate.rate(), BigDecimal::add);
      }
    }
    return daily;
  }

  static String dayLabel(double epochDay) {
    return LocalDate.ofEpochDay(Math.round(epochDay)).toString();
  }
}
