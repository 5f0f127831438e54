package mx.gob.dif.console.analyst;

import mx.gob.dif.console.api.IndicatorBreakdown;
import mx.gob.dif.console.charts.BarChart;

import java.util.List;

/** An indicator of the state over a period, municipality by municipality: the sorted table and its chart. */
public record Breakdown(IndicatorBreakdown source, String period, BreakdownTable table, BarChart chart,
                        List<Periods.Choice> periods, String periodLabel) {

    /** The part of the year chosen ("" for the whole year, "Q1", "03"…), for the sorting links that keep it. */
    public String part() {
        return period.length() > 5 ? period.substring(5) : "";
    }
}
