package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.TargetChanged;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a work plan document (the format of the 2021 PAT file) and extracts its targets.
 * Every problem is reported with its JSON path and a Spanish message, so an officer can fix the
 * file in one pass; a plan with any problem is not stored at all. The rules themselves live in
 * {@link PlanRules} (programs, actions, targets) and {@link GoalRules} (outcome goals).
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
        Result result = validateShape(plan, allowEmpty);
        JsonNode unit = plan.get("unit");
        if (unit != null && !unit.isNull() && !unit.isTextual()) {
            result.problems().add(new Problem("unit", "El nombre de la unidad ('unit') debe ser un texto."));
        }
        // the bounds every value keeps, for the fields no rule above has already said something about (one message a field)
        List<Problem> limits = new ArrayList<>();
        PlanLimits.check(plan, "", "", limits);
        Set<String> named = result.problems().stream().map(Problem::field).collect(Collectors.toSet());
        limits.stream().filter(p -> !named.contains(p.field())).forEach(result.problems()::add);
        return result;
    }

    private static Result validateShape(JsonNode plan, boolean allowEmpty) {
        JsonNode programs = plan.get("programs");
        boolean none = programs == null || programs.isNull() || (programs.isArray() && programs.isEmpty());
        if (allowEmpty && none) {
            return new Result(new ArrayList<>(), new ArrayList<>(), 0, 0, 0);
        }
        if (programs == null || !programs.isArray() || programs.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            problems.add(new Problem("programs", "El plan debe tener al menos un programa en 'programs'."));
            return new Result(problems, new ArrayList<>(), 0, 0, 0);
        }
        return new PlanRules().check(programs);
    }

    /** Spanish message for a case metric that is not one of {@link TargetChanged#CASE_METRICS}. */
    public static String caseMetricMessage(String value) {
        return "Métrica de casos desconocida '" + value + "'. Déjela vacía (la meta se cuenta de los informes de actividad) "
                + "o use una de: " + String.join(", ", TargetChanged.CASE_METRICS) + ".";
    }
}
