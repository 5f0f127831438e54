package mx.gob.dif.programs.domain;

import java.math.BigDecimal;

/**
 * An outcome goal (meta de intervención) of a program as the plan states it. {@code code} is the
 * goal's own {@code code} or, without one, {@code <programCode>-M<n>} by its position (1-based) in
 * the program's list. {@code numerator}, {@code denominator} and {@code targetPercent} are only set
 * when the goal carries a structured ratio; the free text is never interpreted.
 */
public record OutcomeGoalDef(String programCode, String code, String component, String goal, Side numerator,
                             Side denominator, BigDecimal targetPercent) {

    /** One side of the ratio: exactly one of an indicator code of the same plan and a case metric. */
    public record Side(String indicator, String caseMetric) {
    }

    public static String defaultCode(String programCode, int position) {
        return programCode + "-M" + position;
    }
}
