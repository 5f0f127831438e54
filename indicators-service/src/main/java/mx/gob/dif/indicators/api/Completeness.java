package mx.gob.dif.indicators.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Who reported a month: per direct child unit (or the unit itself when it has none) and in total, the targets due, those
 * with at least one report ({@code reported}), those whose report arrived by the {@code deadline} ({@code onTime}), the
 * ones without any report ({@code missing} = due − reported: missing, not a reported zero) and {@code rate} = reported /
 * due × 100 (null when nothing is due). {@code submission}: the unit's month status in the reporting cycle, or NONE.
 */
public record Completeness(String orgUnit, String period, LocalDate deadline, int due, int reported, int missing, int onTime,
                           BigDecimal rate, List<Unit> units) {

    public record Unit(String orgUnit, String name, int due, int reported, int missing, int onTime, BigDecimal rate,
                       String submission) {
    }
}
