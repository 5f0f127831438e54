package mx.gob.dif.indicators.api;

import java.math.BigDecimal;
import java.util.List;

/** The year-end closing report of a unit: every target that applies, and each program's global indicator. */
public record ClosingReport(String orgUnit, String orgUnitName, int fiscalYear, String asOf,
                            List<ProgramSummary> programs, List<IndicatorValue> rows) {

    public record ProgramSummary(String program, String programName, int indicators, BigDecimal globalIndicator) {
    }
}
