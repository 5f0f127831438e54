package mx.gob.dif.console.operator;

import mx.gob.dif.console.api.IndicatorValue;
import mx.gob.dif.console.api.ProgramProgress;

import java.math.BigDecimal;
import java.util.List;

/**
 * The plan page: each program of the unit's plan with its global indicator and how many of its targets stand at
 * each traffic light (indicators-service decides each target's light; the page only counts them). Plain Java.
 */
public record PlanLights(int year, String period, List<Program> programs) {

    public record Program(String code, String name, BigDecimal globalIndicator, long green, long yellow, long red,
                          List<IndicatorValue> indicators) {
    }

    public static PlanLights of(int year, String period, List<ProgramProgress> progress) {
        return new PlanLights(year, period, progress.stream().map(p -> {
            List<IndicatorValue> indicators = p.indicators() == null ? List.of() : p.indicators();
            return new Program(p.program(), p.programName(), p.globalIndicator(), count(indicators, "GREEN"),
                    count(indicators, "YELLOW"), count(indicators, "RED"), indicators);
        }).toList());
    }

    private static long count(List<IndicatorValue> indicators, String status) {
        return indicators.stream().filter(i -> status.equals(i.status())).count();
    }

    /** Whether the lights are measured up to today (the current year) rather than over a whole year. */
    public boolean yearToDate() {
        return period.contains("YTD");
    }

    public long greenTotal() {
        return programs.stream().mapToLong(Program::green).sum();
    }

    public long yellowTotal() {
        return programs.stream().mapToLong(Program::yellow).sum();
    }

    public long redTotal() {
        return programs.stream().mapToLong(Program::red).sum();
    }
}
