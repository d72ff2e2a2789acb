package io.hedgedesk.web.backtest;

import io.hedgedesk.pricing.backtest.BacktestEvent;
import io.hedgedesk.pricing.backtest.BacktestMeasures;
import io.hedgedesk.pricing.backtest.BacktestResult;
import io.hedgedesk.pricing.backtest.DailyPoint;
import io.hedgedesk.pricing.backtest.FundingGap;
import io.hedgedesk.web.view.chart.SvgChart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the page shows of a backtest or a grade: the measures, unrounded (the templates format them), the charts and
 * the events.
 *
 * @param from        first close
 * @param to          last close
 * @param days        closes replayed
 * @param measures    the measures
 * @param beta        the proxy's β at the opening, if any
 * @param charts      equity in USD, then the coins of each inverse-margined coin
 * @param events      the first {@value #MAX_EVENTS} events
 * @param moreEvents  events not listed
 * @param gaps        funding gaps, in words
 */
public record BacktestView(
        LocalDate from,
        LocalDate to,
        int days,
        BacktestMeasures measures,
        Optional<BigDecimal> beta,
        List<SvgChart> charts,
        List<BacktestEvent> events,
        int moreEvents,
        List<String> gaps) {

    static final int MAX_EVENTS = 200;

    static BacktestView of(BacktestResult result, String subject) {
        List<DailyPoint> path = result.path();
        List<SvgChart> charts = new ArrayList<>();
        charts.add(SvgChart.of(
                "Equity of " + subject + ", USD",
                List.of(
                        series("Unhedged", "spot", path, p -> p.unhedgedUsd()),
                        series("Hedged", "net", path, p -> p.hedgedUsd())),
                BacktestView::day,
                SvgChart.fitted()));
        Set<String> coins = new LinkedHashSet<>();
        path.forEach(p -> coins.addAll(p.coins().keySet()));
        for (String coin : coins) {
            BigDecimal held = result.holdings().getOrDefault(coin, BigDecimal.ZERO);
            charts.add(SvgChart.of(
                    "Equity in " + coin + " (inverse margin), coins",
                    List.of(
                            series("Unhedged", "spot", path, p -> held),
                            series("Hedged", "net", path, p -> p.coins().getOrDefault(coin, BigDecimal.ZERO))),
                    BacktestView::day,
                    SvgChart.fitted()));
        }
        List<BacktestEvent> events = result.events();
        OptionalDouble beta = result.beta();
        return new BacktestView(
                path.get(0).date(),
                path.get(path.size() - 1).date(),
                path.size(),
                result.measures(),
                beta.isPresent() ? Optional.of(BigDecimal.valueOf(beta.getAsDouble())) : Optional.empty(),
                charts,
                events.subList(0, Math.min(MAX_EVENTS, events.size())),
                Math.max(0, events.size() - MAX_EVENTS),
                result.gaps().stream().map(FundingGap::words).toList());
    }

    /** A ratio as a percentage, if there is one. */
    public static Optional<BigDecimal> percent(OptionalDouble ratio) {
        return ratio.isPresent() && Double.isFinite(ratio.getAsDouble())
                ? Optional.of(BigDecimal.valueOf(ratio.getAsDouble() * 100))
                : Optional.empty();
    }

    public Optional<BigDecimal> varianceReductionPercent() {
        return percent(measures.varianceReduction());
    }

    public Optional<BigDecimal> dollarOffsetPercent() {
        return percent(measures.dollarOffset());
    }

    public Optional<BigDecimal> carryPerAvoidedPercent() {
        return percent(measures.carryPerAvoided());
    }

    public BigDecimal drawdownHedgedPercent() {
        return BigDecimal.valueOf(measures.drawdownHedged().fraction() * 100);
    }

    public BigDecimal drawdownUnhedgedPercent() {
        return BigDecimal.valueOf(measures.drawdownUnhedged().fraction() * 100);
    }

    private interface Value {
        BigDecimal of(DailyPoint point);
    }

    private static SvgChart.Series series(String name, String css, List<DailyPoint> path, Value value) {
        List<double[]> values = new ArrayList<>(path.size());
        for (DailyPoint p : path) {
            values.add(new double[] {p.date().toEpochDay(), value.of(p).doubleValue()});
        }
        return new SvgChart.Series(name, css, values);
    }

    private static String day(double epochDay, double step) {
        return LocalDate.ofEpochDay(Math.round(epochDay)).toString();
    }
}
