package mx.gob.dif.console.operator;

import java.util.List;

/**
 * Which of its unit's plans the operator looks at: {@code year} (null when the unit has none), every year with a
 * plan, the unit's name as the plan records it, and what to tell the person when there is nothing to show.
 */
public record PlanChoice(Integer year, List<Integer> years, String unitName, String message) {
}
