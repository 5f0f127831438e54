package mx.gob.dif.console.analyst;

import mx.gob.dif.console.api.IndicatorValue;
import mx.gob.dif.console.charts.BarChart;
import mx.gob.dif.console.web.Labels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator's year month by month: the twelve months' values (a month without reports is zero, said so in the
 * table) from the API's {@code months} of the year query, and the year's value, target and light.
 */
public record Trend(IndicatorValue year, List<Month> months, BarChart chart) {

    public record Month(String label, BigDecimal value, long reports) {
    }

    static Trend of(IndicatorValue reading, int fiscalYear) {
        BigDecimal[] values = new BigDecimal[12];
        long[] reports = new long[12];
        if (reading.months() != null) {
            for (IndicatorValue.Month m : reading.months()) {
                if (m.month() >= 1 && m.month() <= 12) {
                    values[m.month() - 1] = m.value();
                    reports[m.month() - 1] = m.reports();
                }
            }
        }
        List<Month> months = new ArrayList<>(12);
        List<BarChart.Point> points = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            BigDecimal v = values[i] == null ? BigDecimal.ZERO : values[i];
            months.add(new Month(Labels.monthName(Periods.month(fiscalYear, i + 1)), v, reports[i]));
            points.add(new BarChart.Point(Periods.shortMonth(i + 1), v, null));
        }
        return new Trend(reading, List.copyOf(months), BarChart.columns("Valor mensual de " + reading.indicator() + " en "
                + fiscalYear, points));
    }
}
