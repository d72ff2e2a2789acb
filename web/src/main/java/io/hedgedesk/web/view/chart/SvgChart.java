package io.hedgedesk.web.view.chart;

import io.hedgedesk.web.view.Display;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as server-rendered SVG: the coordinates are computed here from the numbers the page shows, the template
 * only draws them (no JavaScript, no inline styles: lines are styled by their CSS class). The plot area is
 * {@value #WIDTH} × {@value #HEIGHT} user units inside a margin for the axis labels.
 *
 * @param title  accessible name of the chart
 * @param lines  one polyline per series
 * @param xTicks labels along the x axis
 * @param yTicks labels along the y axis
 * @param zeroY  y of the value 0 when it is in range, else -1
 */
public record SvgChart(String title, List<Line> lines, List<Tick> xTicks, List<Tick> yTicks, double zeroY) {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 240;
    public static final int LEFT = 70;
    public static final int TOP = 10;

    /** A series: a name for the legend, a CSS class and its points as an SVG {@code points} attribute. */
    public record Line(String name, String cssClass, String points) {}

    /** An axis label at a position (x for the x axis, y for the y axis). */
    public record Tick(double position, String label) {}

    /** One series of (x, y) values. */
    public record Series(String name, String cssClass, List<double[]> values) {}

    /** Room on the right for half of the last x label, centred on the plot's edge (a date is ~60 units wide). */
    public int viewWidth() {
        return LEFT + WIDTH + 35;
    }

    public int viewHeight() {
        return TOP + HEIGHT + 30;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return LEFT + WIDTH;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return TOP + HEIGHT;
    }

    public int xLabelY() {
        return TOP + HEIGHT + 16;
    }

    public boolean hasZero() {
        return zeroY >= 0;
    }

    /**
     * Scales the series into the plot area: x and y ranges from the data (y always includes 0 when the data straddles
     * it), five ticks on each axis labelled with {@code xLabels} / {@code yLabels}.
     */
    public static SvgChart of(String title, List<Series> series, Labeller xLabels, Labeller yLabels) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] v : s.values()) {
                minX = Math.min(minX, v[0]);
                maxX = Math.max(maxX, v[0]);
                minY = Math.min(minY, v[1]);
                maxY = Math.max(maxY, v[1]);
            }
        }
        if (!(maxX > minX)) {
            maxX = minX + 1;
        }
        if (!(maxY > minY)) {
            maxY = minY + 1;
            minY = minY - 1;
        }
        double x0 = minX;
        double xSpan = maxX - minX;
        double y0 = minY;
        double ySpan = maxY - minY;
        List<Line> lines = new ArrayList<>();
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (double[] v : s.values()) {
                points.append(points.length() == 0 ? "" : " ")
                        .append(coordinate(LEFT + (v[0] - x0) / xSpan * WIDTH))
                        .append(',')
                        .append(coordinate(TOP + HEIGHT - (v[1] - y0) / ySpan * HEIGHT));
            }
            lines.add(new Line(s.name(), s.cssClass(), points.toString()));
        }
        List<Tick> xTicks = new ArrayList<>();
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            xTicks.add(new Tick(round(LEFT + WIDTH * i / 4.0), xLabels.label(x0 + xSpan * i / 4.0, xSpan / 4)));
            yTicks.add(
                    new Tick(round(TOP + HEIGHT - HEIGHT * i / 4.0), yLabels.label(y0 + ySpan * i / 4.0, ySpan / 4)));
        }
        double zero = minY <= 0 && maxY >= 0 ? round(TOP + HEIGHT - (0 - y0) / ySpan * HEIGHT) : -1;
        return new SvgChart(title, lines, xTicks, yTicks, zero);
    }

    /** Turns an axis value into its label, knowing the distance between two ticks. */
    @FunctionalInterface
    public interface Labeller {
        String label(double value, double step);
    }

    /** Labels with a fixed number of decimals and thousands separators. */
    public static Labeller decimals(int decimals) {
        return (value, step) -> format(value, decimals);
    }

    /**
     * Labels with as many decimals as show the step between ticks to two significant digits, thousands separators:
     * {@code max(0, 1 − floor(log10(step)))}, at most 8. A step of 10,000 gets 0 decimals, 2.5 gets 1, 0.148 gets 2
     * (ADA's prices 0.07, 0.21, 0.36, … where a fixed 0 decimals printed 0, 0, 0, 1, 1).
     */
    public static Labeller fitted() {
        return (value, step) -> {
            int decimals = step > 0 ? (int) Math.min(8, Math.max(0, 1 - Math.floor(Math.log10(step)))) : 2;
            return format(value, decimals);
        };
    }

    /** Labels an x axis of epoch days with the ISO date of the nearest day. */
    public static Labeller days() {
        return (epochDay, step) ->
                java.time.LocalDate.ofEpochDay(Math.round(epochDay)).toString();
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** An SVG coordinate to 0.1 user unit (a drawing position, not a number people read). */
    private static String coordinate(double value) {
        return Display.svg(value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
