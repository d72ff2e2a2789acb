package io.hedgedesk.web.view.chart;

import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A contract's stored funding as a chart: the sum of each UTC day's rates, percent of position value. */
public final class FundingChart {

    private FundingChart() {}

    /** Funding per day (sum of the day's rates, percent) over the days {@code from..to}. */
    public static SvgChart of(FundingRateSeries series, LocalDate from, LocalDate to) {
        TreeMap<Long, BigDecimal> daily = dailyFunding(series, from, to);
        List<double[]> values = new ArrayList<>();
        daily.forEach((day, sum) ->
                values.add(new double[] {day, sum.movePointRight(2).doubleValue()}));
        return SvgChart.of(
                "Funding per day, % of position value (" + series.contractId() + ")",
                List.of(new SvgChart.Series("funding", "funding", values)),
                SvgChart.days(),
                SvgChart.decimals(3));
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
}
