package mx.gob.dif.indicators.api;

import java.math.BigDecimal;
import java.util.List;

/** A program of the plan that applies to a unit, over a period: its indicators, global indicator and outcome goals. */
public record ProgramProgress(String program, String programName, String orgUnit, String period, BigDecimal globalIndicator,
                              List<IndicatorValue> indicators, List<OutcomeGoalValue> outcomeGoals, String asOf) {
}
