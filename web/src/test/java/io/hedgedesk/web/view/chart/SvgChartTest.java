package io.hedgedesk.web.view.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's coordinates, by hand: plot area x 70..670, y 10..250 (240 high). */
class SvgChartTest {

    @Test
    void scalesPointsIntoThePlotAreaAndMarksZero() {
        // x from 0 to 100, y from -50 to 150 (span 200): (0,-50) -> (70, 250); (50, 0) -> (370, 250 - 50/200*240 =
        // 190);
        // (100, 150) -> (670, 10). Zero line at y = 190.
        SvgChart chart = SvgChart.of(
                "t",
                List.of(new SvgChart.Series(
                        "a", "net", List.of(new double[] {0, -50}, new double[] {50, 0}, new double[] {100, 150}))),
                SvgChart.decimals(0),
                SvgChart.decimals(1));
        assertEquals("70.0,250.0 370.0,190.0 670.0,10.0", chart.lines().get(0).points());
        assertEquals(190.0, chart.zeroY());
        // The view box leaves 35 units right of the plot (670): half a date label, "2023-12-31" at 10px, fits.
        assertEquals(705, chart.viewWidth());
        assertEquals("net", chart.lines().get(0).cssClass());
        // Ticks every quarter: x labels 0, 25, 50, 75, 100; y labels -50.0 … 150.0 from the bottom.
        assertEquals(
                List.of("0", "25", "50", "75", "100"),
                chart.xTicks().stream().map(SvgChart.Tick::label).toList());
        assertEquals("-50.0", chart.yTicks().get(0).label());
        assertEquals(250.0, chart.yTicks().get(0).position());
        assertEquals("150.0", chart.yTicks().get(4).label());
        assertEquals(10.0, chart.yTicks().get(4).position());
    }

    @Test
    void aFlatOrPositiveSeriesHasNoZeroLineAndNoDivisionByZero() {
        SvgChart chart = SvgChart.of(
                "t",
                List.of(new SvgChart.Series("a", "beta", List.of(new double[] {1, 2}, new double[] {2, 2}))),
                SvgChart.decimals(0),
                SvgChart.decimals(2));
        // y range widened to 1..3: y = 2 sits in the middle, 130.
        assertEquals("70.0,130.0 670.0,130.0", chart.lines().get(0).points());
        assertEquals(-1.0, chart.zeroY());
    }

    @Test
    void fittedLabelsShowTheTickStepToTwoSignificantDigits() {
        // ADA's scenario prices 0.0658 .. 0.6583: step (0.6583 - 0.0658) / 4 = 0.148125, floor(log10) = -1, so 2
        // decimals:
        // 0.0658, 0.2139, 0.3621, 0.5102, 0.6583 → 0.07, 0.21, 0.36, 0.51, 0.66 (0 decimals gave 0, 0, 0, 1, 1).
        SvgChart ada = SvgChart.of(
                "t",
                List.of(new SvgChart.Series(
                        "a", "net", List.of(new double[] {0.0658, -15900.8}, new double[] {0.6583, 19876}))),
                SvgChart.fitted(),
                SvgChart.fitted());
        assertEquals(
                List.of("0.07", "0.21", "0.36", "0.51", "0.66"),
                ada.xTicks().stream().map(SvgChart.Tick::label).toList());
        // y: -15,900.8 .. 19,876, step 8,944.2: floor(log10) = 3, so 0 decimals with separators; -15,900.8 → -15,901.
        assertEquals("-15,901", ada.yTicks().get(0).label());
        assertEquals("19,876", ada.yTicks().get(4).label());
        // AVAX 2.24 .. 22.42: step 5.045, 1 decimal: 2.2, 7.3, 12.3, 17.4, 22.4.
        SvgChart avax = SvgChart.of(
                "t",
                List.of(new SvgChart.Series("a", "net", List.of(new double[] {2.24, 0}, new double[] {22.42, 1}))),
                SvgChart.fitted(),
                SvgChart.fitted());
        assertEquals(
                List.of("2.2", "7.3", "12.3", "17.4", "22.4"),
                avax.xTicks().stream().map(SvgChart.Tick::label).toList());
    }
}
