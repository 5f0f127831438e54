package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.TargetChanged;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a work plan document (the format of the 2021 PAT file) and extracts its targets.
 * Every problem is reported with its JSON path and a Spanish message, so an officer can fix the
 * file in one pass; a plan with any problem is not stored at all.
 */
public final class PlanValidation {

    public record Problem(String field, String message) {
    }

    public record Result(List<Problem> problems, List<PlanTargetDef> targets, int programs, int actions, int outcomeGoals,
                         List<OutcomeGoalDef> goals) {
        public Result(List<Problem> problems, List<PlanTargetDef> targets, int programs, int actions, int outcomeGoals) {
            this(problems, targets, programs, actions, outcomeGoals, List.of());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A goal as read, before its ratio's indicators can be checked against the whole plan. */
    private record PendingGoal(String path, OutcomeGoalDef def, List<String[]> indicatorRefs) {
    }

    private PlanValidation() {
    }

    public static Result validate(JsonNode plan) {
        return validate(plan, false);
    }

    /**
     * @param allowEmpty true for a plan being built entity by entity (created empty, programs added
     *                   one at a time); an imported plan must bring at least one program
     */
    public static Result validate(JsonNode plan, boolean allowEmpty) {
        List<Problem> problems = new ArrayList<>();
        List<PlanTargetDef> targets = new ArrayList<>();
        int actionCount = 0;
        int goals = 0;
        JsonNode programs = plan.get("programs");
        if (allowEmpty && (programs == null || programs.isNull() || (programs.isArray() && programs.isEmpty()))) {
            return new Result(problems, targets, 0, 0, 0);
        }
        if (programs == null || !programs.isArray() || programs.isEmpty()) {
            problems.add(new Problem("programs", "El plan debe tener al menos un programa en 'programs'."));
            return new Result(problems, targets, 0, 0, 0);
        }
        Set<String> programCodes = new HashSet<>();
        Set<String> actionCodes = new HashSet<>();
        Map<String, String> indicatorMethods = new HashMap<>();
        Map<String, List<String>> composites = new HashMap<>();
        List<PendingGoal> pendingGoals = new ArrayList<>();
        for (int p = 0; p < programs.size(); p++) {
            JsonNode program = programs.get(p);
            String pPath = "programs[" + p + "]";
            String pCode = text(program, "code");
            if (pCode == null) {
                problems.add(new Problem(pPath + ".code", "Falta la clave del programa."));
            } else if (!programCodes.add(pCode)) {
                problems.add(new Problem(pPath + ".code", "La clave de programa '" + pCode + "' está repetida."));
            }
            if (text(program, "name") == null) {
                problems.add(new Problem(pPath + ".name", "Falta el nombre del programa."));
            }
            List<String> months = new ArrayList<>();
            JsonNode cal = program.get("calendarMonths");
            if (cal != null && !cal.isNull()) {
                if (!cal.isArray()) {
                    problems.add(new Problem(pPath + ".calendarMonths", "La calendarización debe ser una lista de meses (ENE … DIC)."));
                } else {
                    for (int m = 0; m < cal.size(); m++) {
                        String code = cal.get(m).asText();
                        if (CalendarMonth.number(code) == 0) {
                            problems.add(new Problem(pPath + ".calendarMonths[" + m + "]", "'" + code + "' no es un mes válido; use ENE, FEB, MAR, ABR, MAY, JUN, JUL, AGO, SEP, OCT, NOV o DIC."));
                        } else {
                            months.add(code.trim().toUpperCase());
                        }
                    }
                }
            }
            checkInvestment(program.get("investment"), pPath + ".investment", problems);
            JsonNode goalsNode = program.get("interventionGoals");
            if (goalsNode != null && goalsNode.isArray()) {
                goals += goalsNode.size();
                for (int g = 0; g < goalsNode.size(); g++) {
                    PendingGoal pg = goal(goalsNode.get(g), pPath + ".interventionGoals[" + g + "]", pCode, g + 1, problems);
                    if (pg != null) {
                        pendingGoals.add(pg);
                    }
                }
            }
            JsonNode actions = program.get("actions");
            if (actions == null || !actions.isArray()) {
                problems.add(new Problem(pPath + ".actions", "El programa debe tener una lista de acciones en 'actions'."));
                continue;
            }
            for (int a = 0; a < actions.size(); a++) {
                JsonNode action = actions.get(a);
                String aPath = pPath + ".actions[" + a + "]";
                actionCount++;
                String aCode = text(action, "code");
                if (aCode == null) {
                    problems.add(new Problem(aPath + ".code", "Falta la clave de la acción."));
                } else if (!actionCodes.add(aCode)) {
                    problems.add(new Problem(aPath + ".code", "La clave de acción '" + aCode + "' está repetida."));
                }
                JsonNode ts = action.get("targets");
                if (ts == null || !ts.isArray()) {
                    problems.add(new Problem(aPath + ".targets", "La acción debe tener una lista de metas en 'targets'."));
                    continue;
                }
                for (int t = 0; t < ts.size(); t++) {
                    JsonNode target = ts.get(t);
                    String tPath = aPath + ".targets[" + t + "]";
                    String ind = text(target, "indicatorCode");
                    if (ind == null) {
                        problems.add(new Problem(tPath + ".indicatorCode", "Falta la clave del indicador."));
                    } else if (indicatorMethods.containsKey(ind)) {
                        problems.add(new Problem(tPath + ".indicatorCode", "La clave de indicador '" + ind + "' está repetida en el plan."));
                    }
                    String unit = text(target, "unit");
                    if (unit == null) {
                        problems.add(new Problem(tPath + ".unit", "Falta la unidad de medida de la meta."));
                    }
                    BigDecimal quantity = null;
                    JsonNode q = target.get("target");
                    if (q == null || q.isNull()) {
                        problems.add(new Problem(tPath + ".target", "Falta la cantidad de la meta anual."));
                    } else if (!q.isNumber()) {
                        problems.add(new Problem(tPath + ".target", "La meta anual debe ser un número; se recibió '" + q.asText() + "'."));
                    } else if (q.decimalValue().signum() < 0) {
                        problems.add(new Problem(tPath + ".target", "La meta anual no puede ser negativa (" + q.decimalValue().toPlainString() + ")."));
                    } else {
                        quantity = q.decimalValue();
                    }
                    String method = text(target, "method");
                    if (method == null) {
                        method = MeasurementMethod.SUM.name();
                    } else if (!MeasurementMethod.isValid(method)) {
                        problems.add(new Problem(tPath + ".method", "Método de medición desconocido '" + method + "'. Use uno de: " + MeasurementMethod.allowed() + "."));
                    }
                    List<String> components = new ArrayList<>();
                    JsonNode comps = target.get("components");
                    if (comps != null && comps.isArray()) {
                        comps.forEach(c -> components.add(c.asText()));
                    }
                    if (MeasurementMethod.COMPOSITE.name().equals(method)) {
                        if (components.isEmpty()) {
                            problems.add(new Problem(tPath + ".components", "Un indicador COMPOSITE debe listar sus indicadores componentes en 'components'."));
                        }
                        composites.put(tPath, components);
                    }
                    String caseMetric = null;
                    JsonNode cm = target.get("caseMetric");
                    if (cm != null && !cm.isNull()) {
                        String v = cm.isTextual() ? cm.asText().trim() : cm.toString();
                        if (!cm.isTextual() || !TargetChanged.CASE_METRICS.contains(v)) {
                            problems.add(new Problem(tPath + ".caseMetric", caseMetricMessage(v)));
                        } else if (MeasurementMethod.COMPOSITE.name().equals(method)) {
                            problems.add(new Problem(tPath + ".caseMetric", "Una meta COMPOSITE se calcula de sus componentes y no puede "
                                    + "contarse además desde casos; quite 'caseMetric' o cambie el método."));
                        } else {
                            caseMetric = v;
                        }
                    }
                    if (ind != null) {
                        indicatorMethods.put(ind, method);
                    }
                    if (ind != null && unit != null && quantity != null) {
                        targets.add(new PlanTargetDef(pCode, text(program, "name"), aCode, text(action, "description"), ind, unit,
                                quantity, method, List.copyOf(components), List.copyOf(months), caseMetric));
                    }
                }
            }
        }
        composites.forEach((path, comps) -> {
            for (String c : comps) {
                if (!indicatorMethods.containsKey(c)) {
                    problems.add(new Problem(path + ".components", "El componente '" + c + "' no es un indicador de este plan."));
                } else if (MeasurementMethod.COMPOSITE.name().equals(indicatorMethods.get(c))) {
                    problems.add(new Problem(path + ".components", "El componente '" + c + "' es a su vez COMPOSITE; no se permiten anidados."));
                }
            }
        });
        List<OutcomeGoalDef> goalDefs = new ArrayList<>();
        Set<String> goalCodes = new HashSet<>();
        for (PendingGoal pg : pendingGoals) {
            if (!goalCodes.add(pg.def().code())) {
                problems.add(new Problem(pg.path() + ".code", "La clave de meta de intervención '" + pg.def().code()
                        + "' está repetida en el plan (sin 'code', una meta se llama <programa>-M<posición>)."));
            }
            for (String[] ref : pg.indicatorRefs()) {
                if (!indicatorMethods.containsKey(ref[1])) {
                    problems.add(new Problem(ref[0], "El indicador '" + ref[1] + "' no es un indicador de este plan; "
                            + "use la clave de una meta ('indicatorCode') del mismo plan."));
                }
            }
            goalDefs.add(pg.def());
        }
        return new Result(problems, targets, programs.size(), actionCount, goals, List.copyOf(goalDefs));
    }

    /**
     * Reads one outcome goal. Its free text is kept as is; a structured ratio ({@code numerator},
     * {@code denominator}, {@code targetPercent}) is optional and checked here, except that its
     * indicator codes are checked by the caller once every target of the plan is known.
     */
    private static PendingGoal goal(JsonNode g, String path, String programCode, int position, List<Problem> problems) {
        if (g == null || !g.isObject()) {
            return null;
        }
        String code = text(g, "code");
        JsonNode codeNode = g.get("code");
        if (codeNode != null && !codeNode.isNull() && !codeNode.isTextual()) {
            problems.add(new Problem(path + ".code", "La clave de la meta de intervención debe ser texto."));
        }
        if (code == null) {
            code = OutcomeGoalDef.defaultCode(programCode == null ? "?" : programCode, position);
        }
        List<String[]> indicatorRefs = new ArrayList<>();
        OutcomeGoalDef.Side numerator = side(g.get("numerator"), path + ".numerator", "numerador", problems, indicatorRefs);
        OutcomeGoalDef.Side denominator = side(g.get("denominator"), path + ".denominator", "denominador", problems, indicatorRefs);
        boolean hasNum = present(g.get("numerator"));
        boolean hasDen = present(g.get("denominator"));
        if (hasNum && !hasDen) {
            problems.add(new Problem(path + ".denominator", "La meta tiene numerador pero falta el denominador "
                    + "({\"indicator\": \"<clave>\"} o {\"caseMetric\": \"<métrica>\"})."));
        } else if (hasDen && !hasNum) {
            problems.add(new Problem(path + ".numerator", "La meta tiene denominador pero falta el numerador "
                    + "({\"indicator\": \"<clave>\"} o {\"caseMetric\": \"<métrica>\"})."));
        }
        BigDecimal targetPercent = null;
        JsonNode tp = g.get("targetPercent");
        if (present(tp)) {
            if (!tp.isNumber()) {
                problems.add(new Problem(path + ".targetPercent", "La meta en porcentaje debe ser un número (p. ej. 95 para 95 %); se recibió '"
                        + tp.asText() + "'."));
            } else if (tp.decimalValue().signum() < 0) {
                problems.add(new Problem(path + ".targetPercent", "La meta en porcentaje no puede ser negativa ("
                        + tp.decimalValue().toPlainString() + ")."));
            } else {
                targetPercent = tp.decimalValue();
            }
        }
        return new PendingGoal(path, new OutcomeGoalDef(programCode, code, text(g, "component"), text(g, "goal"),
                numerator, denominator, targetPercent), indicatorRefs);
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    private static OutcomeGoalDef.Side side(JsonNode s, String path, String name, List<Problem> problems, List<String[]> indicatorRefs) {
        if (!present(s)) {
            return null;
        }
        if (!s.isObject()) {
            problems.add(new Problem(path, "El " + name + " debe ser un objeto {\"indicator\": \"<clave>\"} o {\"caseMetric\": \"<métrica>\"}."));
            return null;
        }
        boolean hasIndicator = present(s.get("indicator"));
        boolean hasMetric = present(s.get("caseMetric"));
        if (hasIndicator == hasMetric) {
            problems.add(new Problem(path, "El " + name + " debe indicar exactamente uno de 'indicator' (clave de un indicador del plan) "
                    + "o 'caseMetric' (" + String.join(", ", TargetChanged.CASE_METRICS) + ")" + (hasIndicator ? "; tiene los dos." : "; no tiene ninguno.")));
            return null;
        }
        if (hasIndicator) {
            String ind = text(s, "indicator");
            if (ind == null || !s.get("indicator").isTextual()) {
                problems.add(new Problem(path + ".indicator", "La clave del indicador del " + name + " debe ser texto no vacío."));
                return null;
            }
            indicatorRefs.add(new String[]{path + ".indicator", ind});
            return new OutcomeGoalDef.Side(ind, null);
        }
        JsonNode cm = s.get("caseMetric");
        String v = cm.isTextual() ? cm.asText().trim() : cm.toString();
        if (!cm.isTextual() || !TargetChanged.CASE_METRICS.contains(v)) {
            problems.add(new Problem(path + ".caseMetric", "Métrica de casos desconocida '" + v + "' en el " + name + ". Use una de: "
                    + String.join(", ", TargetChanged.CASE_METRICS) + "."));
            return null;
        }
        return new OutcomeGoalDef.Side(null, v);
    }

    /** Spanish message for a case metric that is not one of {@link TargetChanged#CASE_METRICS}. */
    public static String caseMetricMessage(String value) {
        return "Métrica de casos desconocida '" + value + "'. Déjela vacía (la meta se cuenta de los informes de actividad) "
                + "o use una de: " + String.join(", ", TargetChanged.CASE_METRICS) + ".";
    }

    private static void checkInvestment(JsonNode inv, String path, List<Problem> problems) {
        if (inv == null || inv.isNull()) {
            return;
        }
        for (String f : List.of("total", "municipal", "otherSources")) {
            JsonNode v = inv.get(f);
            if (v != null && !v.isNull() && (!v.isNumber() || v.decimalValue().signum() < 0)) {
                problems.add(new Problem(path + "." + f, "La inversión '" + f + "' debe ser un número no negativo; se recibió '" + v.asText() + "'."));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
