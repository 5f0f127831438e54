package mx.gob.dif.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * Latest state of one target (indicator definition) of a work plan. Keyed
 * {@code planOrgUnit|fiscalYear|indicatorCode} on a compacted topic.
 * {@code calendarMonths} are 1..12. {@code components} is only set for COMPOSITE.
 */
public record TargetChanged(
        String planOrgUnit,
        int fiscalYear,
        String programCode,
        String programName,
        String actionCode,
        String actionDescription,
        String indicatorCode,
        String unit,
        BigDecimal annualTarget,
        String method,
        List<String> components,
        List<Integer> calendarMonths,
        boolean deleted) {

    public String key() {
        return planOrgUnit + "|" + fiscalYear + "|" + indicatorCode;
    }
}
