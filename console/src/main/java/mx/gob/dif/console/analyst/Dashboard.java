package mx.gob.dif.console.analyst;

import mx.gob.dif.console.api.IndicatorValue;

import java.math.BigDecimal;
import java.util.List;

/**
 * The state's programs over a period: each with its global indicator (the mean of its indicators' percents, as the
 * API computes it), its traffic light and its indicators. {@code notice}: why there is nothing to show (no plan that
 * year), in the API's words.
 */
public record Dashboard(String orgUnit, String orgUnitName, String period, String periodLabel, int fiscalYear,
                        List<Periods.Choice> periods, List<Program> programs, Tally tally, String notice) {

    /** Every indicator code on the page, space separated: the page refreshes when one of them changes. */
    public String indicatorCodes() {
        return String.join(" ", programs.stream().flatMap(p -> p.indicators().stream()).map(IndicatorValue::indicator).toList());
    }

    /** The part of the year chosen ("" for the whole year, "Q1", "03"…), for links that keep it. */
    public String part() {
        return period.length() > 5 ? period.substring(5) : "";
    }

    /** {@code light}: the API's word of the program's most delayed indicator ({@link TrafficLight#worst}), null if none. */
    public record Program(String code, String name, BigDecimal globalIndicator, String light,
                          List<IndicatorValue> indicators) {

        /** The progress bar's CSS width: the global indicator capped at 100 (over-achievement is written beside it). */
        public String barWidth() {
            if (globalIndicator == null || globalIndicator.signum() <= 0) {
                return "0%";
            }
            return globalIndicator.min(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    /** How many programs show each light. */
    public record Tally(long green, long yellow, long red, long none) {
        static Tally of(List<Program> programs) {
            return new Tally(count(programs, "GREEN"), count(programs, "YELLOW"), count(programs, "RED"), count(programs, null));
        }

        private static long count(List<Program> programs, String light) {
            return programs.stream().filter(p -> java.util.Objects.equals(p.light(), light)).count();
        }
    }
}
