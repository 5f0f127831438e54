package mx.gob.dif.indicators.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of one unit over one period. {@code components} only for COMPOSITE; {@code months}
 * (single-indicator queries only) lists the period's months with reports: v(m) summed over the
 * unit's subtree and the number of reports. Absent fields are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorValue(String indicator, String orgUnit, String period, String method, String unit,
                             BigDecimal target, BigDecimal value, BigDecimal percent, BigDecimal expected,
                             BigDecimal expectedPercent, String status, String asOf, String programCode,
                             String programName, String actionCode, String actionDescription, String planOrgUnit,
                             List<String> components, List<MonthPoint> months) {

    /** The same value with the months of a single-indicator query. */
    public IndicatorValue withMonths(List<MonthPoint> points) {
        return new IndicatorValue(indicator, orgUnit, period, method, unit, target, value, percent, expected, expectedPercent,
                status, asOf, programCode, programName, actionCode, actionDescription, planOrgUnit, components, points);
    }
}
