package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.programs.domain.PlanValidation.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static mx.gob.dif.programs.domain.JsonFields.present;
import static mx.gob.dif.programs.domain.JsonFields.text;

/**
 * The rules of outcome goals (metas de intervención). A goal's free text is kept as is; a
 * structured ratio ({@code numerator}, {@code denominator}, {@code targetPercent}) is optional and
 * checked as it is read, except for what needs the whole plan: goal codes are unique in the plan and
 * a ratio's indicators must be targets of it, checked by {@link #finish} after every target is known.
 */
final class GoalRules {
    private static final String SIDE_SHAPE = "({\"indicator\": \"<clave>\"} o {\"caseMetric\": \"<métrica>\"})";

    /** A ratio side naming an indicator, to check against the plan's targets at the end. */
    private record IndicatorRef(String path, String code) {
    }

    /** A goal as read, before its ratio's indicators can be checked against the whole plan. */
    private record PendingGoal(String path, OutcomeGoalDef def, List<IndicatorRef> indicatorRefs) {
    }

    private final List<Problem> problems;
    private final List<PendingGoal> pending = new ArrayList<>();
    private int count;

    /** @param problems where problems are added, shared with the other rules so they keep document order */
    GoalRules(List<Problem> problems) {
        this.problems = problems;
    }

    /** Reads a program's goal list (ignored unless it is a list; entries that are not objects are counted, not read). */
    void program(JsonNode goals, String path, String programCode) {
        if (goals == null || !goals.isArray()) {
            return;
        }
        count += goals.size();
        for (int g = 0; g < goals.size(); g++) {
            JsonNode goal = goals.get(g);
            if (goal != null && goal.isObject()) {
                pending.add(goal(goal, path + "[" + g + "]", programCode, g + 1));
            }
        }
    }

    int count() {
        return count;
    }

    /** Checks what needs the whole plan and returns the goals in document order. */
    List<OutcomeGoalDef> finish(Set<String> indicators) {
        List<OutcomeGoalDef> defs = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (PendingGoal pg : pending) {
            if (!codes.add(pg.def().code())) {
                add(pg.path() + ".code", "La clave de meta de intervención '" + pg.def().code()
                        + "' está repetida en el plan (sin 'code', una meta se llama <programa>-M<posición>).");
            }
            for (IndicatorRef ref : pg.indicatorRefs()) {
                if (!indicators.contains(ref.code())) {
                    add(ref.path(), "El indicador '" + ref.code() + "' no es un indicador de este plan; "
                            + "use la clave de una meta ('indicatorCode') del mismo plan.");
                }
            }
            defs.add(pg.def());
        }
        return List.copyOf(defs);
    }

    private PendingGoal goal(JsonNode g, String path, String programCode, int position) {
        JsonNode codeNode = g.get("code");
        if (codeNode != null && !codeNode.isNull() && !codeNode.isTextual()) {
            add(path + ".code", "La clave de la meta de intervención debe ser texto.");
        }
        String code = text(g, "code");
        if (code == null) {
            code = OutcomeGoalDef.defaultCode(programCode == null ? "?" : programCode, position);
        }
        List<IndicatorRef> refs = new ArrayList<>();
        OutcomeGoalDef.Side numerator = side(g.get("numerator"), path + ".numerator", "numerador", refs);
        OutcomeGoalDef.Side denominator = side(g.get("denominator"), path + ".denominator", "denominador", refs);
        boolean hasNum = present(g.get("numerator"));
        boolean hasDen = present(g.get("denominator"));
        if (hasNum && !hasDen) {
            add(path + ".denominator", "La meta tiene numerador pero falta el denominador " + SIDE_SHAPE + ".");
        } else if (hasDen && !hasNum) {
            add(path + ".numerator", "La meta tiene denominador pero falta el numerador " + SIDE_SHAPE + ".");
        }
        JsonNode tp = g.get("targetPercent");
        BigDecimal targetPercent = present(tp)
                ? JsonFields.nonNegative(tp, path + ".targetPercent", "La meta en porcentaje", " (p. ej. 95 para 95 %)", problems)
                : null;
        return new PendingGoal(path, new OutcomeGoalDef(programCode, code, text(g, "component"), text(g, "goal"),
                numerator, denominator, targetPercent), refs);
    }

    /** One side of a ratio: exactly one of an indicator code (checked later, through {@code refs}) and a case metric. */
    private OutcomeGoalDef.Side side(JsonNode s, String path, String name, List<IndicatorRef> refs) {
        if (!present(s)) {
            return null;
        }
        if (!s.isObject()) {
            add(path, "El " + name + " debe ser un objeto {\"indicator\": \"<clave>\"} o {\"caseMetric\": \"<métrica>\"}.");
            return null;
        }
        boolean hasIndicator = present(s.get("indicator"));
        if (hasIndicator == present(s.get("caseMetric"))) {
            add(path, "El " + name + " debe indicar exactamente uno de 'indicator' (clave de un indicador del plan) "
                    + "o 'caseMetric' (" + String.join(", ", TargetChanged.CASE_METRICS) + ")"
                    + (hasIndicator ? "; tiene los dos." : "; no tiene ninguno."));
            return null;
        }
        if (hasIndicator) {
            String indicator = text(s, "indicator");
            if (indicator == null || !s.get("indicator").isTextual()) {
                add(path + ".indicator", "La clave del indicador del " + name + " debe ser texto no vacío.");
                return null;
            }
            refs.add(new IndicatorRef(path + ".indicator", indicator));
            return new OutcomeGoalDef.Side(indicator, null);
        }
        JsonNode metric = s.get("caseMetric");
        if (!JsonFields.knownCaseMetric(metric)) {
            add(path + ".caseMetric", "Métrica de casos desconocida '" + JsonFields.shown(metric) + "' en el " + name
                    + ". Use una de: " + String.join(", ", TargetChanged.CASE_METRICS) + ".");
            return null;
        }
        return new OutcomeGoalDef.Side(null, JsonFields.shown(metric));
    }

    private void add(String field, String message) {
        problems.add(new Problem(field, message));
    }
}
