package mx.gob.dif.indicators.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of a unit over a period, part by part: one row per direct child unit (its whole subtree) and one for
 * the unit's own reports. The rows' values add up to {@code total.value}; {@code total} is the unit's own answer of
 * {@code GET /indicators/{code}}.
 */
public record IndicatorBreakdown(String indicator, String orgUnit, String period, String method, IndicatorValue total,
                                 List<Row> rows) {

    /**
     * One part: its value with the method of the total, against the target of the plan that part's unit reports against;
     * {@code reported} says whether the part has any report (or counted case event) in the period.
     */
    public record Row(String orgUnit, String name, BigDecimal target, BigDecimal value, BigDecimal percent, BigDecimal expected,
                      String status, boolean reported) {
    }
}
