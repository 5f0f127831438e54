package mx.gob.dif.programs.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One target of a plan as the catalog indexes it. {@code caseMetric} is null unless the target is
 * counted from case events (one of {@code TargetChanged.CASE_METRICS}). {@code schedule} is null
 * unless the target has a monthly schedule: then 12 quantities, January to December ({@link MonthlySchedule}).
 */
public record PlanTargetDef(String programCode, String programName, String actionCode, String actionDescription,
                            String indicatorCode, String unit, BigDecimal annualTarget, String method,
                            List<String> components, List<String> calendarMonths, String caseMetric, List<BigDecimal> schedule) {

    /** A target without a monthly schedule. */
    public PlanTargetDef(String programCode, String programName, String actionCode, String actionDescription,
                         String indicatorCode, String unit, BigDecimal annualTarget, String method,
                         List<String> components, List<String> calendarMonths, String caseMetric) {
        this(programCode, programName, actionCode, actionDescription, indicatorCode, unit, annualTarget, method, components,
                calendarMonths, caseMetric, null);
    }
}
