package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.programs.domain.PlanValidation.Problem;
import mx.gob.dif.programs.domain.PlanValidation.Result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static mx.gob.dif.programs.domain.JsonFields.text;

/**
 * The rules of programs, actions and targets, applied in one pass over a plan's non-empty
 * {@code programs} list (one instance per validation: it collects what it has seen). Problems come
 * out in document order; rules that need the whole plan (composite components, goal indicators)
 * run after the pass.
 */
final class PlanRules {
    private static final String COMPOSITE = MeasurementMethod.COMPOSITE.name();
    /** Program, action and indicator codes: their columns, the entity API and the events' keys hold this many characters. */
    static final int CODE_MAX = 64;

    /** Where a target sits: what its {@link PlanTargetDef} repeats of its program and action. */
    private record Owner(String programCode, String programName, String actionCode, String actionDescription,
                         List<String> months) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<PlanTargetDef> targets = new ArrayList<>();
    private final Set<String> programCodes = new HashSet<>();
    private final Set<String> actionCodes = new HashSet<>();
    /** Method of every indicator code seen: duplicates, composite components and goal ratios are checked against it. */
    private final Map<String, String> indicatorMethods = new HashMap<>();
    /** Components of each COMPOSITE target by its path, checked once every indicator is known. */
    private final Map<String, List<String>> composites = new LinkedHashMap<>();
    private final GoalRules goals = new GoalRules(problems);
    private int actions;

    Result check(JsonNode programs) {
        for (int p = 0; p < programs.size(); p++) {
            program(programs.get(p), "programs[" + p + "]");
        }
        checkComposites();
        List<OutcomeGoalDef> goalDefs = goals.finish(indicatorMethods.keySet());
        return new Result(problems, targets, programs.size(), actions, goals.count(), goalDefs);
    }

    private void program(JsonNode program, String path) {
        String code = uniqueCode(program, path, programCodes, "Falta la clave del programa.", "La clave de programa '%s' está repetida.");
        JsonFields.maxLength(program, "code", path, CODE_MAX, "La clave del programa", problems);
        String name = text(program, "name");
        if (name == null) {
            add(path + ".name", "Falta el nombre del programa.");
        }
        JsonFields.maxLength(program, "name", path, 500, "El nombre del programa", problems);
        List<String> months = months(program.get("calendarMonths"), path + ".calendarMonths");
        investment(program.get("investment"), path + ".investment");
        goals.program(program.get("interventionGoals"), path + ".interventionGoals", code);
        JsonNode list = program.get("actions");
        if (list == null || !list.isArray()) {
            add(path + ".actions", "El programa debe tener una lista de acciones en 'actions'.");
            return;
        }
        for (int a = 0; a < list.size(); a++) {
            action(list.get(a), path + ".actions[" + a + "]", code, name, months);
        }
    }

    private void action(JsonNode action, String path, String programCode, String programName, List<String> months) {
        actions++;
        String code = uniqueCode(action, path, actionCodes, "Falta la clave de la acción.", "La clave de acción '%s' está repetida.");
        JsonFields.maxLength(action, "code", path, CODE_MAX, "La clave de la acción", problems);
        JsonFields.maxLength(action, "description", path, 4000, "La descripción de la acción", problems);
        JsonNode list = action.get("targets");
        if (list == null || !list.isArray()) {
            add(path + ".targets", "La acción debe tener una lista de metas en 'targets'.");
            return;
        }
        Owner owner = new Owner(programCode, programName, code, text(action, "description"), months);
        for (int t = 0; t < list.size(); t++) {
            target(list.get(t), path + ".targets[" + t + "]", owner);
        }
    }

    private void target(JsonNode target, String path, Owner owner) {
        String indicator = text(target, "indicatorCode");
        if (indicator == null) {
            add(path + ".indicatorCode", "Falta la clave del indicador.");
        } else if (indicatorMethods.containsKey(indicator)) {
            add(path + ".indicatorCode", "La clave de indicador '" + indicator + "' está repetida en el plan.");
        }
        JsonFields.maxLength(target, "indicatorCode", path, CODE_MAX, "La clave del indicador", problems);
        String unit = text(target, "unit");
        if (unit == null) {
            add(path + ".unit", "Falta la unidad de medida de la meta.");
        }
        JsonFields.maxLength(target, "unit", path, 200, "La unidad de medida", problems);
        BigDecimal quantity = quantity(target.get("target"), path + ".target");
        String method = method(text(target, "method"), path + ".method");
        List<String> components = components(target.get("components"), method, path);
        String caseMetric = caseMetric(target.get("caseMetric"), method, path + ".caseMetric");
        List<BigDecimal> schedule = MonthlySchedule.check(target.get("schedule"), owner.months(), quantity, method,
                path + ".schedule", problems);
        if (indicator != null) {
            indicatorMethods.put(indicator, method);
        }
        if (indicator != null && unit != null && quantity != null) {
            targets.add(new PlanTargetDef(owner.programCode(), owner.programName(), owner.actionCode(), owner.actionDescription(),
                    indicator, unit, quantity, method, List.copyOf(components), List.copyOf(owner.months()), caseMetric, schedule));
        }
    }

    /** The code of a program or action, reported when missing or already used by one of its kind; null when missing. */
    private String uniqueCode(JsonNode node, String path, Set<String> seen, String missing, String repeated) {
        String code = text(node, "code");
        if (code == null) {
            add(path + ".code", missing);
        } else if (!seen.add(code)) {
            add(path + ".code", repeated.formatted(code));
        }
        return code;
    }

    /** The program's valid months, upper-cased (an absent or null calendar is none). */
    private List<String> months(JsonNode calendar, String path) {
        List<String> months = new ArrayList<>();
        if (calendar == null || calendar.isNull()) {
            return months;
        }
        if (!calendar.isArray()) {
            add(path, "La calendarización debe ser una lista de meses (ENE … DIC).");
            return months;
        }
        for (int m = 0; m < calendar.size(); m++) {
            String code = calendar.get(m).asText();
            if (CalendarMonth.number(code) == 0) {
                add(path + "[" + m + "]", "'" + code + "' no es un mes válido; use ENE, FEB, MAR, ABR, MAY, JUN, JUL, AGO, SEP, OCT, NOV o DIC.");
            } else if (months.contains(code.trim().toUpperCase())) {
                add(path + "[" + m + "]", "El mes '" + code + "' está repetido en la calendarización.");
            } else {
                months.add(code.trim().toUpperCase());
            }
        }
        return months;
    }

    private void investment(JsonNode investment, String path) {
        if (investment == null || investment.isNull()) {
            return;
        }
        for (String f : List.of("total", "municipal", "otherSources")) {
            JsonNode v = investment.get(f);
            if (v != null && !v.isNull() && (!v.isNumber() || v.decimalValue().signum() < 0)) {
                add(path + "." + f, "La inversión '" + f + "' debe ser un número no negativo; se recibió '" + v.asText() + "'.");
            }
        }
    }

    private BigDecimal quantity(JsonNode q, String path) {
        if (q == null || q.isNull()) {
            add(path, "Falta la cantidad de la meta anual.");
            return null;
        }
        return JsonFields.nonNegative(q, path, "La meta anual", "", problems);
    }

    /** The method as written (kept even when unknown, which is reported), SUM when absent. */
    private String method(String method, String path) {
        if (method == null) {
            return MeasurementMethod.SUM.name();
        }
        if (!MeasurementMethod.isValid(method)) {
            add(path, "Método de medición desconocido '" + method + "'. Use uno de: " + MeasurementMethod.allowed() + ".");
        }
        return method;
    }

    private List<String> components(JsonNode list, String method, String targetPath) {
        List<String> components = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(c -> components.add(c.asText()));
            for (int c = 0; c < list.size(); c++) {
                if (list.get(c).asText().length() > CODE_MAX) {
                    add(targetPath + ".components[" + c + "]", "Cada componente admite hasta " + CODE_MAX + " caracteres; tiene "
                            + list.get(c).asText().length() + ".");
                }
            }
        }
        if (COMPOSITE.equals(method)) {
            if (components.isEmpty()) {
                add(targetPath + ".components", "Un indicador COMPOSITE debe listar sus indicadores componentes en 'components'.");
            }
            composites.put(targetPath, components);
        }
        return components;
    }

    /** The target's case metric, or null when absent or invalid (reported). */
    private String caseMetric(JsonNode metric, String method, String path) {
        if (metric == null || metric.isNull()) {
            return null;
        }
        if (!JsonFields.knownCaseMetric(metric)) {
            add(path, PlanValidation.caseMetricMessage(JsonFields.shown(metric)));
            return null;
        }
        if (COMPOSITE.equals(method)) {
            add(path, "Una meta COMPOSITE se calcula de sus componentes y no puede "
                    + "contarse además desde casos; quite 'caseMetric' o cambie el método.");
            return null;
        }
        return JsonFields.shown(metric);
    }

    /** Components must be indicators of this plan and not composite themselves. */
    private void checkComposites() {
        composites.forEach((path, components) -> {
            for (String c : components) {
                if (!indicatorMethods.containsKey(c)) {
                    add(path + ".components", "El componente '" + c + "' no es un indicador de este plan.");
                } else if (COMPOSITE.equals(indicatorMethods.get(c))) {
                    add(path + ".components", "El componente '" + c + "' es a su vez COMPOSITE; no se permiten anidados.");
                }
            }
        });
    }

    private void add(String field, String message) {
        problems.add(new Problem(field, message));
    }
}
