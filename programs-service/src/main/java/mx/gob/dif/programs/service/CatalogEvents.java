package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.OutcomeGoalChanged;
import mx.gob.dif.events.ProgramChanged;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.Outbox;
import mx.gob.dif.programs.domain.CalendarMonth;
import mx.gob.dif.programs.domain.OutcomeGoalDef;
import mx.gob.dif.programs.domain.PlanTargetDef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The catalog events of a stored plan change, written to the outbox in the change's transaction:
 * a ProgramChanged per program of the plan, a TargetChanged and an OutcomeGoalChanged per target
 * and goal that is new or differs, and a deleted one for each that left the plan.
 */
@ApplicationScoped
public class CatalogEvents {
    private static final List<Integer> ALL_MONTHS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    private final Outbox outbox;

    public CatalogEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The plan before a change: its target rows, its program codes and its outcome goals. */
    public record Before(Map<String, PlanTargetDef> targets, Set<String> programs, List<OutcomeGoalDef> goals) {
        public static final Before NOTHING = new Before(Map.of(), Set.of(), List.of());
    }

    public void publish(String orgUnit, int year, JsonNode plan, List<PlanTargetDef> targets, List<OutcomeGoalDef> goals, Before before) {
        programs(orgUnit, year, plan, targets, before);
        targets(orgUnit, year, targets, before.targets());
        goals(orgUnit, year, goals, before.goals());
    }

    /**
     * A program is announced deleted only when it left the plan (not when it merely has no targets
     * left, as happens when its last target is deleted).
     */
    private void programs(String orgUnit, int year, JsonNode plan, List<PlanTargetDef> targets, Before before) {
        Map<String, List<String>> indicatorsByProgram = new LinkedHashMap<>();
        targets.forEach(t -> indicatorsByProgram.computeIfAbsent(t.programCode(), k -> new ArrayList<>()).add(t.indicatorCode()));
        Set<String> programsNow = new HashSet<>();
        for (JsonNode p : plan.path("programs")) {
            String code = p.path("code").asText();
            programsNow.add(code);
            List<String> months = new ArrayList<>();
            p.path("calendarMonths").forEach(m -> months.add(m.asText().trim().toUpperCase()));
            outbox.add(Topics.CATALOG_PROGRAMS, orgUnit + "|" + year + "|" + code, EventTypes.PROGRAM_CHANGED, code,
                    new ProgramChanged(orgUnit, year, code, p.path("name").asText(), months,
                            indicatorsByProgram.getOrDefault(code, List.of()), false));
        }
        Stream.concat(before.programs().stream(), before.targets().values().stream().map(PlanTargetDef::programCode))
                .distinct().filter(pc -> !programsNow.contains(pc))
                .forEach(pc -> outbox.add(Topics.CATALOG_PROGRAMS, orgUnit + "|" + year + "|" + pc, EventTypes.PROGRAM_CHANGED, pc,
                        new ProgramChanged(orgUnit, year, pc, "", List.of(), List.of(), true)));
    }

    private void targets(String orgUnit, int year, List<PlanTargetDef> targets, Map<String, PlanTargetDef> before) {
        Set<String> now = new HashSet<>();
        for (PlanTargetDef t : targets) {
            now.add(t.indicatorCode());
            if (!t.equals(before.get(t.indicatorCode()))) {
                target(orgUnit, year, t, false);
            }
        }
        before.values().stream().filter(t -> !now.contains(t.indicatorCode())).forEach(t -> target(orgUnit, year, t, true));
    }

    private void target(String orgUnit, int year, PlanTargetDef t, boolean deleted) {
        List<Integer> months = t.calendarMonths().stream().map(CalendarMonth::number).toList();
        TargetChanged e = new TargetChanged(orgUnit, year, t.programCode(), t.programName(), t.actionCode(), t.actionDescription(),
                t.indicatorCode(), t.unit(), t.annualTarget(), t.method(), t.components().isEmpty() ? null : t.components(),
                months.isEmpty() ? ALL_MONTHS : months, deleted, t.caseMetric(), t.schedule());
        outbox.add(Topics.CATALOG_TARGETS, e.key(), EventTypes.TARGET_CHANGED, t.indicatorCode(), e);
    }

    private void goals(String orgUnit, int year, List<OutcomeGoalDef> now, List<OutcomeGoalDef> before) {
        Map<String, OutcomeGoalDef> old = new LinkedHashMap<>();
        before.forEach(g -> old.put(g.code(), g));
        Set<String> seen = new HashSet<>();
        for (OutcomeGoalDef g : now) {
            seen.add(g.code());
            if (!g.equals(old.get(g.code()))) {
                goal(orgUnit, year, g, false);
            }
        }
        old.values().stream().filter(g -> !seen.contains(g.code())).forEach(g -> goal(orgUnit, year, g, true));
    }

    private void goal(String orgUnit, int year, OutcomeGoalDef g, boolean deleted) {
        OutcomeGoalChanged e = new OutcomeGoalChanged(orgUnit, year, g.programCode(), g.code(), g.component(), g.goal(),
                ref(g.numerator()), ref(g.denominator()), g.targetPercent(), deleted);
        outbox.add(Topics.CATALOG_OUTCOME_GOALS, e.key(), EventTypes.OUTCOME_GOAL_CHANGED, g.code(), e);
    }

    private static OutcomeGoalChanged.Ref ref(OutcomeGoalDef.Side s) {
        return s == null ? null : new OutcomeGoalChanged.Ref(s.indicator(), s.caseMetric());
    }
}
