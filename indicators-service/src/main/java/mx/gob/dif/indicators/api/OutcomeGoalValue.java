package mx.gob.dif.indicators.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** An outcome goal of a unit over a period: ratio = numerator / denominator × 100 of the unit's (rolled-up) values. */
public record OutcomeGoalValue(String goal, String program, String orgUnit, String period, String planOrgUnit, String component,
                               String goalText, Side numerator, Side denominator, BigDecimal ratio,
                               BigDecimal targetPercent, String status, String asOf) {

    /** One side of the ratio: what it refers to and its value for the unit and period. */
    public record Side(Ref ref, BigDecimal value) {
    }

    /** An indicator of the plan or a case metric (exactly one is set). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ref(String indicator, String caseMetric) {
    }
}
