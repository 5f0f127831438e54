package mx.gob.dif.indicators.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A program's progress of a unit over a period, part by part as {@link IndicatorBreakdown}: {@code total} is the unit's
 * own answer of {@code GET /programs/{code}/progress}; each row has the program's indicators for one part.
 */
public record ProgramBreakdown(String program, String programName, String orgUnit, String period, ProgramProgress total,
                               List<Row> rows) {

    /** One part: its program global indicator (mean of its indicators' percents) and the indicators. */
    public record Row(String orgUnit, String name, BigDecimal globalIndicator, boolean reported, List<Indicator> indicators) {
    }

    public record Indicator(String indicator, String method, BigDecimal target, BigDecimal value, BigDecimal percent,
                            BigDecimal expected, String status, boolean reported) {
    }
}
