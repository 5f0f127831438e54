package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.events.EventJson;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brute force over plan shapes: any well-formed plan validates with the right counts, and one defect
 * put into any of its targets is reported once, at that target's path.
 */
class PlanValidationProperties {

    enum Defect {
        NO_INDICATOR("indicatorCode"), NO_UNIT("unit"), NEGATIVE_TARGET("target"), TEXT_TARGET("target"),
        UNKNOWN_METHOD("method"), UNKNOWN_CASE_METRIC("caseMetric"), COMPOSITE_WITHOUT_COMPONENTS("components"),
        REPEATED_INDICATOR("indicatorCode");

        final String field;

        Defect(String field) {
            this.field = field;
        }

        void applyTo(ObjectNode t) {
            switch (this) {
                case NO_INDICATOR -> t.remove("indicatorCode");
                case NO_UNIT -> t.put("unit", " ");
                case NEGATIVE_TARGET -> t.put("target", -1);
                case TEXT_TARGET -> t.put("target", "diez");
                case UNKNOWN_METHOD -> t.put("method", "MEDIANA");
                case UNKNOWN_CASE_METRIC -> t.put("caseMetric", "CASOS");
                case COMPOSITE_WITHOUT_COMPONENTS -> t.put("method", "COMPOSITE");
                case REPEATED_INDICATOR -> t.put("indicatorCode", "I-0");
            }
        }
    }

    /** A plan with the given shape: per program, per action, how many targets; codes numbered through the plan. */
    static ObjectNode plan(List<List<Integer>> shape, List<String> targetPaths) {
        ObjectNode plan = EventJson.MAPPER.createObjectNode();
        ArrayNode programs = plan.putArray("programs");
        int actions = 0;
        for (int p = 0; p < shape.size(); p++) {
            ObjectNode program = programs.addObject().put("code", "P-" + p).put("name", "Programa " + p);
            program.putArray("calendarMonths").add("ENE");
            ArrayNode actionList = program.putArray("actions");
            for (int a = 0; a < shape.get(p).size(); a++) {
                ArrayNode targets = actionList.addObject().put("code", "A-" + actions++).put("description", "d").putArray("targets");
                for (int t = 0; t < shape.get(p).get(a); t++) {
                    targets.addObject().put("indicatorCode", "I-" + targetPaths.size()).put("unit", "u").put("target", t);
                    targetPaths.add("programs[" + p + "].actions[" + a + "].targets[" + t + "]");
                }
            }
        }
        return plan;
    }

    @Property(tries = 300)
    void aWellFormedPlanHasNoProblemsAndCountsEverything(
            @ForAll @Size(min = 1, max = 4) List<@Size(max = 3) List<@IntRange(max = 3) Integer>> shape) {
        List<String> paths = new ArrayList<>();
        PlanValidation.Result r = PlanValidation.validate(plan(shape, paths));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(shape.size(), r.programs());
        assertEquals(shape.stream().mapToInt(List::size).sum(), r.actions());
        assertEquals(paths.size(), r.targets().size());
    }

    @Property(tries = 500)
    void oneDefectIsReportedOnceAtItsTarget(
            @ForAll @Size(min = 1, max = 4) List<@Size(max = 3) List<@IntRange(max = 3) Integer>> shape,
            @ForAll @IntRange(max = 1000) int which, @ForAll Defect defect) {
        List<String> paths = new ArrayList<>();
        ObjectNode plan = plan(shape, paths);
        int first = defect == Defect.REPEATED_INDICATOR ? 1 : 0; // the first target holds I-0: repeat it in a later one
        Assume.that(paths.size() > first);
        int target = first + which % (paths.size() - first);
        defect.applyTo(targetAt(plan, paths.get(target)));
        PlanValidation.Result r = PlanValidation.validate(plan);
        assertEquals(List.of(paths.get(target) + "." + defect.field), r.problems().stream().map(PlanValidation.Problem::field).toList());
    }

    private static ObjectNode targetAt(ObjectNode plan, String path) {
        String[] idx = path.replaceAll("[^0-9]+", " ").trim().split(" ");
        return (ObjectNode) plan.get("programs").get(Integer.parseInt(idx[0])).get("actions").get(Integer.parseInt(idx[1]))
                .get("targets").get(Integer.parseInt(idx[2]));
    }
}
