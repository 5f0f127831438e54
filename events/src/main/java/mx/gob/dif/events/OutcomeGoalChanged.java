package mx.gob.dif.events;

import java.math.BigDecimal;

/**
 * Latest state of one outcome goal (meta de intervención) of a program of a work plan. Keyed
 * {@code planOrgUnit|fiscalYear|goalCode} on a compacted topic. {@code numerator} and
 * {@code denominator} are set together when the goal carries a structured ratio (numerator /
 * denominator × 100), each side an indicator of the same plan or a case metric
 * ({@link TargetChanged#CASE_METRICS}); {@code targetPercent} is the percent the goal aims at
 * (95 for "95 %"). The free-text component and goal come from the plan. No personal data.
 */
public record OutcomeGoalChanged(
        String planOrgUnit,
        int fiscalYear,
        String programCode,
        String goalCode,
        String component,
        String goal,
        Ref numerator,
        Ref denominator,
        BigDecimal targetPercent,
        boolean deleted) {

    /** One side of the ratio: exactly one of {@code indicator} and {@code caseMetric}. */
    public record Ref(String indicator, String caseMetric) {
    }

    public String key() {
        return planOrgUnit + "|" + fiscalYear + "|" + goalCode;
    }
}
