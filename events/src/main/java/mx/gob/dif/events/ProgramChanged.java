package mx.gob.dif.events;

import java.util.List;

/**
 * Latest state of a program of a work plan: what indicators-service needs for progress reports.
 * {@code deleted} marks a program removed from the plan.
 */
public record ProgramChanged(
        String planOrgUnit,
        int fiscalYear,
        String programCode,
        String programName,
        List<String> calendarMonths,
        List<String> indicatorCodes,
        boolean deleted) {
}
