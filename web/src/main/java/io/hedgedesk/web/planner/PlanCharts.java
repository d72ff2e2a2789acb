package io.hedgedesk.web.planner;

import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.HedgeEstimate;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.sizing.ScenarioView;
import io.hedgedesk.web.view.chart.SvgChart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The planner's charts: payoff across scenario prices, β over rolling windows (funding per day: FundingChart). */
public final class PlanCharts {

    private PlanCharts() {}

    /** A chart series of scenario rows: x = the row's price, y = one of its USD columns. */
    static <T> SvgChart.Series series(
            String name, String css, List<T> rows, Function<T, BigDecimal> x, Function<T, BigDecimal> y) {
        List<double[]> values = new ArrayList<>();
        for (T row : rows) {
            values.add(new double[] {x.apply(row).doubleValue(), y.apply(row).doubleValue()});
        }
        return new SvgChart.Series(name, css, values);
    }

    /** Spot, hedge and net PnL in USD across the scenario prices. */
    static SvgChart payoff(ScenarioView view) {
        return SvgChart.of(
                "Payoff in USD across prices",
                List.of(
                        series("Spot", "spot", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::spotPnlUsd),
                        series(
                                "Hedge",
                                "hedge",
                                view.rows(),
                                ScenarioView.Row::spotPrice,
                                ScenarioView.Row::hedgePnlUsd),
                        series("Net", "net", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::netPnlUsd)),
                SvgChart.fitted(),
                SvgChart.fitted());
    }

    /** β over rolling 30-return windows (or half the history when shorter), x in days since the epoch. */
    static Optional<SvgChart> betaChart(BasketBeta beta, Weighting weighting) {
        int n = beta.basketReturns().size();
        int window = Math.min(30, n / 2);
        if (window < 2) {
            return Optional.empty();
        }
        List<double[]> values = new ArrayList<>();
        for (HedgeEstimate e :
                ProxyHedgeCalculator.DEFAULT.rolling(beta.basketReturns(), beta.hedgeReturns(), window, weighting)) {
            values.add(new double[] {e.lastReturnDate().toEpochDay(), e.beta()});
        }
        return Optional.of(SvgChart.of(
                "β over rolling " + window + "-day windows",
                List.of(new SvgChart.Series("β", "beta", values)),
                SvgChart.days(),
                SvgChart.decimals(2)));
    }
}
