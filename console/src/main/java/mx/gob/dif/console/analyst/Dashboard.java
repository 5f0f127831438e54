package mx.gob.dif.console.analyst;

import mx.gob.dif.console.api.IndicatorReading;

import java.math.BigDecimal;
import java.util.List;

/**
 * The state's programs over a period: each with its global indicator (the mean of its indicators' percents, as the
 * API computes it), its traffic light and its indicators.
 */
public record Dashboard(String orgUnit, String orgUnitName, String period, String periodLabel, int fiscalYear,
                        List<Periods.Choice> periods, List<Program> programs, Tally tally) {

    /** The part of the year chosen ("" for the whole year, "Q1", "03"…), for links that keep it. */
    public String part() {
        return period.length() > 5 ? period.substring(5) : "";
    }

    public record Program(String code, String name, BigDecimal globalIndicator, TrafficLight light,
                          List<IndicatorReading> indicators) {

        /** The indicator codes, space separated: the page refreshes this program when one of them changes. */
        public String indicatorCodes() {
            return String.join(" ", indicators.stream().map(IndicatorReading::indicator).toList());
        }
    }

    /** How many programs show each light. */
    public record Tally(long green, long yellow, long red, long none) {
        static Tally of(List<Program> programs) {
            return new Tally(count(programs, TrafficLight.GREEN), count(programs, TrafficLight.YELLOW),
                    count(programs, TrafficLight.RED), count(programs, TrafficLight.NONE));
        }

        private static long count(List<Program> programs, TrafficLight light) {
            return programs.stream().filter(p -> p.light() == light).count();
        }
    }
}
