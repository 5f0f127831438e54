package mx.gob.dif.console.charts;

import mx.gob.dif.console.web.Labels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart drawn on the server as inline SVG: no chart library reaches the browser, a chart weighs a few
 * kilobytes and shows without JavaScript. {@link #columns} draws vertical bars (a year's months), {@link #rows}
 * horizontal ones (a state's municipalities). Coordinates are in the SVG's own units (its viewBox); the page
 * scales it to the screen. The numbers are also in a table beside each chart, for screen readers.
 */
public record BarChart(String title, int width, int height, List<Bar> bars, List<Tick> ticks) {

    /** One value to draw: its label, the value (null: nothing reported) and a CSS tone (a traffic light or none). */
    public record Point(String label, BigDecimal value, String tone) {
    }

    /** A drawn bar with its label's and value's anchor points. */
    public record Bar(String label, String valueText, String tone, double x, double y, double w, double h,
                      double labelX, double labelY, double valueX, double valueY) {
    }

    /** A grid line of the value axis with its label. */
    public record Tick(String text, double x1, double y1, double x2, double y2, double textX, double textY) {
    }

    static final int TICKS = 4;
    private static final int COLUMN_WIDTH = 640;
    private static final int COLUMN_HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int BOTTOM = 28;
    private static final int TOP = 18;
    private static final int ROW_HEIGHT = 20;
    private static final int ROW_LABEL = 190;
    private static final int ROW_VALUE = 70;

    /** Vertical bars, one per point, left to right. */
    public static BarChart columns(String title, List<Point> points) {
        double max = niceMax(points);
        double plotH = COLUMN_HEIGHT - TOP - BOTTOM;
        double slot = (COLUMN_WIDTH - LEFT - 8) / (double) Math.max(1, points.size());
        List<Bar> bars = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double h = scaled(p.value(), max, plotH);
            double x = LEFT + i * slot + slot * 0.15;
            double y = TOP + plotH - h;
            bars.add(new Bar(p.label(), Labels.number(p.value()), tone(p), round(x), round(y), round(slot * 0.7), round(h),
                    round(x + slot * 0.35), COLUMN_HEIGHT - 10, round(x + slot * 0.35), round(y - 4)));
        }
        List<Tick> ticks = new ArrayList<>(TICKS + 1);
        for (int t = 0; t <= TICKS; t++) {
            double y = round(TOP + plotH - plotH * t / TICKS);
            ticks.add(new Tick(Labels.number(BigDecimal.valueOf(max * t / TICKS)), LEFT, y, COLUMN_WIDTH - 8, y, LEFT - 6, y + 4));
        }
        return new BarChart(title, COLUMN_WIDTH, COLUMN_HEIGHT, List.copyOf(bars), List.copyOf(ticks));
    }

    /** Horizontal bars, one row per point, top to bottom, in the order given (the table's order). */
    public static BarChart rows(String title, List<Point> points) {
        double max = niceMax(points);
        double plotW = COLUMN_WIDTH - ROW_LABEL - ROW_VALUE;
        int height = TOP + points.size() * ROW_HEIGHT + 8;
        List<Bar> bars = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double w = scaled(p.value(), max, plotW);
            double y = TOP + i * ROW_HEIGHT;
            bars.add(new Bar(p.label(), Labels.number(p.value()), tone(p), ROW_LABEL, round(y + 3), round(w), ROW_HEIGHT - 6,
                    ROW_LABEL - 6, round(y + 14), round(ROW_LABEL + w + 4), round(y + 14)));
        }
        List<Tick> ticks = new ArrayList<>(TICKS + 1);
        for (int t = 0; t <= TICKS; t++) {
            double x = round(ROW_LABEL + plotW * t / TICKS);
            ticks.add(new Tick(Labels.number(BigDecimal.valueOf(max * t / TICKS)), x, TOP, x, height - 8, x, TOP - 6));
        }
        return new BarChart(title, COLUMN_WIDTH, height, List.copyOf(bars), List.copyOf(ticks));
    }

    /** The axis' top: the largest value rounded up to 1, 2 or 5 times a power of ten (1 when nothing is above zero). */
    static double niceMax(List<Point> points) {
        double max = points.stream().map(Point::value).filter(v -> v != null && v.signum() > 0)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (max <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double scaled(BigDecimal value, double max, double length) {
        return value == null || value.signum() <= 0 ? 0 : round(length * Math.min(1, value.doubleValue() / max));
    }

    private static String tone(Point p) {
        return p.tone() == null ? "plain" : p.tone().toLowerCase(Locale.ROOT);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
