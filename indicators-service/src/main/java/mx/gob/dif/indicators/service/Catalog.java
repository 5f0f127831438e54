package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.indicators.persistence.CatalogTables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read model of org units, targets, programs and outcome goals built from catalog events, held
 * in memory (it is small) and persisted ({@link CatalogTables}) so a restart does not need to replay
 * the catalog topics.
 */
@ApplicationScoped
public class Catalog {
    public record Unit(String code, String name, String level, String parent) {
    }

    /** {@code schedule}: 12 monthly quantities (January..December), or null when the target is spread over its calendar. */
    public record Target(String planOrgUnit, int year, String indicator, String programCode, String programName,
                         String actionCode, String actionDescription, String unit, BigDecimal annualTarget, String method,
                         List<String> components, List<Integer> calendar, String caseMetric, List<BigDecimal> schedule) {
    }

    /** A program of a plan; calendar months as the plan writes them (ENE … DIC). */
    public record Program(String planOrgUnit, int year, String code, String name, List<String> calendar,
                          List<String> indicators, boolean deleted) {
    }

    /** One side of an outcome goal's ratio: an indicator of the plan or a case metric. */
    public record Side(String indicator, String caseMetric) {
    }

    /** An outcome goal (meta de intervención); {@code numerator} and {@code denominator} null for a goal in free text only. */
    public record Goal(String planOrgUnit, int year, String code, String programCode, String component, String goal,
                       Side numerator, Side denominator, BigDecimal targetPercent) {
    }

    private final CatalogTables tables;
    /** plan org unit|year → goal code → goal */
    private final Map<String, Map<String, Goal>> goals = new ConcurrentHashMap<>();
    /** plan org unit|year|program code → program */
    private final Map<String, Program> programs = new ConcurrentHashMap<>();
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    /** plan org unit|year → indicator → target */
    private final Map<String, Map<String, Target>> plans = new ConcurrentHashMap<>();

    public Catalog(CatalogTables tables) {
        this.tables = tables;
    }

    /** Fills the in-memory copy from the catalog tables (at startup, before the catalog loop runs). */
    public synchronized void load() {
        tables.units().forEach(this::cacheUnit);
        tables.targets().forEach(t -> cacheTarget(t, false));
        tables.programs().forEach(this::cacheProgram);
        tables.goals().forEach(g -> cacheGoal(g, false));
    }

    /** Call after the transaction that persisted the goal committed. */
    public void cacheGoal(Goal g, boolean deleted) {
        Map<String, Goal> plan = goals.computeIfAbsent(g.planOrgUnit() + "|" + g.year(), k -> new ConcurrentHashMap<>());
        if (deleted) {
            plan.remove(g.code());
        } else {
            plan.put(g.code(), g);
        }
    }

    /**
     * The outcome goals that apply to a unit in a year, as for targets: its own plan's, else its
     * nearest ancestor's, else (a state whose municipalities have plans) its descendants', one per
     * goal code. Their ratios are then computed for the unit, so a state's divides rolled-up sums.
     */
    public List<Goal> goalsFor(String orgUnit, int year) {
        Map<String, Goal> own = goals.getOrDefault(orgUnit + "|" + year, Map.of());
        if (!own.isEmpty()) {
            return sorted(own.values());
        }
        for (String a : ancestors(orgUnit)) {
            Map<String, Goal> p = goals.getOrDefault(a + "|" + year, Map.of());
            if (!p.isEmpty()) {
                return sorted(p.values());
            }
        }
        Map<String, Goal> merged = new java.util.LinkedHashMap<>();
        for (String d : subtree(orgUnit)) {
            goals.getOrDefault(d + "|" + year, Map.of()).values().forEach(g -> merged.putIfAbsent(g.code(), g));
        }
        return sorted(merged.values());
    }

    private static List<Goal> sorted(Collection<Goal> gs) {
        return gs.stream().sorted(java.util.Comparator.comparing(Goal::programCode).thenComparing(Goal::code)).toList();
    }

    /** Call after the transaction that persisted the unit committed. */
    public void cacheUnit(Unit u) {
        units.put(u.code(), u);
    }

    /** Call after the transaction that persisted the target committed. */
    public void cacheTarget(Target t, boolean deleted) {
        Map<String, Target> plan = plans.computeIfAbsent(t.planOrgUnit() + "|" + t.year(), k -> new ConcurrentHashMap<>());
        if (deleted) {
            plan.remove(t.indicator());
        } else {
            plan.put(t.indicator(), t);
        }
    }

    /** Call after the transaction that persisted the program committed. */
    public void cacheProgram(Program p) {
        String key = p.planOrgUnit() + "|" + p.year() + "|" + p.code();
        if (p.deleted()) {
            programs.remove(key);
        } else {
            programs.put(key, p);
        }
    }

    /** The program as its plan names it (the plan that applies to the unit), if a program event arrived. */
    public Optional<Program> program(String planOrgUnit, int year, String code) {
        return Optional.ofNullable(programs.get(planOrgUnit + "|" + year + "|" + code));
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : units.get(code));
    }

    /** The units directly below a unit, by code. */
    public List<String> children(String code) {
        return units.values().stream().filter(u -> code.equals(u.parent())).map(Unit::code).sorted().toList();
    }

    /** The unit's name as the catalog knows it, else its code. */
    public String name(String code) {
        return unit(code).map(Unit::name).filter(n -> n != null && !n.isBlank()).orElse(code);
    }

    /** Every unit that reports (no unit below it). */
    public List<String> reporters() {
        java.util.Set<String> parents = new java.util.HashSet<>();
        units.values().forEach(u -> {
            if (u.parent() != null) {
                parents.add(u.parent());
            }
        });
        return units.keySet().stream().filter(u -> !parents.contains(u)).sorted().toList();
    }

    /** The units of the subtree that report (those with no unit below them): a state's municipalities, a municipality itself. */
    public List<String> reporters(String code) {
        java.util.Set<String> all = new java.util.HashSet<>(reporters());
        return subtree(code).stream().filter(all::contains).sorted().toList();
    }

    /**
     * The plan a unit reports against in a year, as activity reports are resolved: its own, else its nearest ancestor's
     * (a municipality without a plan of its own reports against the state's); empty when there is none.
     */
    public Collection<Target> reportingPlan(String orgUnit, int year) {
        Map<String, Target> own = plan(orgUnit, year);
        if (!own.isEmpty()) {
            return own.values();
        }
        for (String a : ancestors(orgUnit)) {
            Map<String, Target> p = plan(a, year);
            if (!p.isEmpty()) {
                return p.values();
            }
        }
        return List.of();
    }

    /** The unit and every unit below it. */
    public List<String> subtree(String code) {
        Map<String, List<String>> children = new HashMap<>();
        units.values().forEach(u -> {
            if (u.parent() != null) {
                children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u.code());
            }
        });
        List<String> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.remove(todo.size() - 1);
            out.add(c);
            todo.addAll(children.getOrDefault(c, List.of()));
        }
        return out;
    }

    public List<String> ancestors(String code) {
        List<String> out = new ArrayList<>();
        Unit u = units.get(code);
        while (u != null && u.parent() != null && out.size() < 10) {
            out.add(u.parent());
            u = units.get(u.parent());
        }
        return out;
    }

    public Map<String, Target> plan(String orgUnit, int year) {
        return plans.getOrDefault(orgUnit + "|" + year, Map.of());
    }

    /**
     * The targets that apply to a unit in a year: its own plan, else its nearest ancestor's; for a
     * unit with neither (a state whose municipalities have plans) its descendants' targets, with
     * the targets of one indicator summed.
     */
    public Collection<Target> targetsFor(String orgUnit, int year) {
        Collection<Target> reportedAgainst = reportingPlan(orgUnit, year);
        if (!reportedAgainst.isEmpty()) {
            return reportedAgainst;
        }
        Map<String, Target> merged = new java.util.LinkedHashMap<>();
        for (String d : subtree(orgUnit)) {
            for (Target t : plan(d, year).values()) {
                merged.merge(t.indicator(), t, (a, b) -> new Target(orgUnit, year, a.indicator(), a.programCode(), a.programName(),
                        a.actionCode(), a.actionDescription(), a.unit(), a.annualTarget().add(b.annualTarget()), a.method(),
                        a.components(), a.calendar(), a.caseMetric(), sum(a.schedule(), b.schedule())));
            }
        }
        return merged.values();
    }

    /** Two plans' schedules of one indicator month by month; none when either plan spreads its target evenly. */
    private static List<BigDecimal> sum(List<BigDecimal> a, List<BigDecimal> b) {
        if (a == null || b == null) {
            return null;
        }
        List<BigDecimal> out = new ArrayList<>(12);
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).add(b.get(i)));
        }
        return out;
    }

    /** One indicator for a unit: the nearest plan (own, then ancestors) defining it, else the descendants' summed. */
    public Optional<Target> target(String indicator, String orgUnit, int year) {
        List<String> chain = new ArrayList<>(List.of(orgUnit));
        chain.addAll(ancestors(orgUnit));
        for (String u : chain) {
            Target t = plan(u, year).get(indicator);
            if (t != null) {
                return Optional.of(t);
            }
        }
        return targetsFor(orgUnit, year).stream().filter(t -> t.indicator().equals(indicator)).findFirst();
    }

    /** Codes of the targets of any plan of the year counted from the given case metric. */
    public java.util.Set<String> caseMetricIndicators(int year, String metric) {
        java.util.Set<String> out = new java.util.HashSet<>();
        String suffix = "|" + year;
        plans.forEach((key, plan) -> {
            if (key.endsWith(suffix)) {
                plan.values().stream().filter(t -> metric.equals(t.caseMetric())).forEach(t -> out.add(t.indicator()));
            }
        });
        return out;
    }
}
