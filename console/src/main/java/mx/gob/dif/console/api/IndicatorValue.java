package mx.gob.dif.console.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of a unit over a period, as indicators-service answers it (the fields the console shows). Where it
 * comes in a list (a program's progress, the closing report) {@code programCode} and {@code programName} say whose it
 * is; {@code months} (single-indicator queries only) are the period's months with reports.
 */
public record IndicatorValue(String indicator, String method, String unit, BigDecimal target, BigDecimal value,
                             BigDecimal percent, BigDecimal expected, String status, String actionCode,
                             String actionDescription, String orgUnit, String period, String programCode,
                             String programName, List<Month> months) {

    /** One month of the period with reports: its value summed over the unit's subtree, and how many reports. */
    public record Month(int month, BigDecimal value, long reports) {
    }
}
