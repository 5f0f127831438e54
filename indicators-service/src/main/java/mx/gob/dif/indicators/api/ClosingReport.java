package mx.gob.dif.indicators.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The year-end closing report of a unit: every target that applies, each program's global indicator, and per unit
 * (its direct children, or the unit itself when it has none) whether its months are accepted in the reporting cycle.
 */
public record ClosingReport(String orgUnit, String orgUnitName, int fiscalYear, String asOf,
                            List<ProgramSummary> programs, List<IndicatorValue> rows, List<UnitMonths> units) {

    /**
     * {@code acceptedMonths}: the unit's months (YYYY-MM) accepted by the state; {@code pendingMonths}: the months it was
     * due to report that are not accepted; {@code accepted}: no month pending.
     */
    public record UnitMonths(String orgUnit, String name, List<String> acceptedMonths, List<String> pendingMonths, boolean accepted) {
    }

    public record ProgramSummary(String program, String programName, int indicators, BigDecimal globalIndicator) {
    }
}
