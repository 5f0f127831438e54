package mx.gob.dif.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/programs/{code}/progress} (API.md, "Indicators"): a program's indicators over a period. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramProgress(String program, String programName, String orgUnit, String period, BigDecimal globalIndicator,
                              List<IndicatorReading> indicators, String asOf) {
}
