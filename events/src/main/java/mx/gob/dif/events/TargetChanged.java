package mx.gob.dif.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * Latest state of one target (indicator definition) of a work plan. Keyed
 * {@code planOrgUnit|fiscalYear|indicatorCode} on a compacted topic.
 * {@code calendarMonths} are 1..12. {@code components} is only set for COMPOSITE.
 * {@code caseMetric}, when set, says the target is counted from case events instead of activity
 * reports (one of {@link #CASE_METRICS}: e.g. CASES_ATTENDED against the yearly goal of cases).
 * {@code schedule}, when set, has exactly 12 entries (January..December): the quantity planned for each calendar month
 * (for cumulative methods they sum to {@code annualTarget}; for level methods each is the level planned for that month).
 * {@code null} means no schedule: the target is spread evenly over {@code calendarMonths}.
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
        boolean deleted,
        String caseMetric,
        List<BigDecimal> schedule) {

    /** A target without a monthly schedule (spread evenly over its calendar months). */
    public TargetChanged(String planOrgUnit, int fiscalYear, String programCode, String programName, String actionCode,
                         String actionDescription, String indicatorCode, String unit, BigDecimal annualTarget,
                         String method, List<String> components, List<Integer> calendarMonths, boolean deleted,
                         String caseMetric) {
        this(planOrgUnit, fiscalYear, programCode, programName, actionCode, actionDescription, indicatorCode, unit,
                annualTarget, method, components, calendarMonths, deleted, caseMetric, null);
    }

    /** Counts indicators-service can take from case events, per org unit and month. */
    public static final java.util.List<String> CASE_METRICS = java.util.List.of(
            "CASES_ATTENDED", "CASES_ENROLLED", "CASES_REFERRED", "REFERRAL_LETTERS_ISSUED",
            "FOLLOW_UP_REPORTS_DELIVERED", "INTERVENTIONS");

    public String key() {
        return planOrgUnit + "|" + fiscalYear + "|" + indicatorCode;
    }
}
