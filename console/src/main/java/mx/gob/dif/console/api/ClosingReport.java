package mx.gob.dif.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/reports/closing} as JSON (API.md, "Indicators"): the year of a unit, every target that applies
 * ({@code rows}) and each program's global indicator.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClosingReport(String orgUnit, String orgUnitName, int fiscalYear, String asOf, List<Program> programs,
                            List<IndicatorValue> rows) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Program(String program, String programName, int indicators, BigDecimal globalIndicator) {
    }
}
