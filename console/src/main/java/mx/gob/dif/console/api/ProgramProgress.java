package mx.gob.dif.console.api;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/programs/{code}/progress}: a program's indicators over a period and its global indicator. */
public record ProgramProgress(String program, String programName, String orgUnit, String period, BigDecimal globalIndicator,
                              List<IndicatorValue> indicators, String asOf) {
}
