package mx.gob.dif.indicators.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The read model of org units and targets built from catalog events, held in memory (it is small)
 * and persisted so a restart does not need to replay the catalog topics.
 */
@ApplicationScoped
public class Catalog {
    public record Unit(String code, String name, String level, String parent) {
    }

    public record Target(String planOrgUnit, int year, String indicator, String programCode, String programName,
                         String actionCode, String actionDescription, String unit, BigDecimal annualTarget, String method,
                         List<String> components, List<Integer> calendar, String caseMetric) {
        /** An ordinary target, counted from activity reports. */
        public Target(String planOrgUnit, int year, String indicator, String programCode, String programName,
                      String actionCode, String actionDescription, String unit, BigDecimal annualTarget, String method,
                      List<String> components, List<Integer> calendar) {
            this(planOrgUnit, year, indicator, programCode, programName, actionCode, actionDescription, unit, annualTarget,
                    method, components, calendar, null);
        }
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

    private final AgroalDataSource ds;
    /** plan org unit|year → goal code → goal */
    private final Map<String, Map<String, Goal>> goals = new ConcurrentHashMap<>();
    /** plan org unit|year|program code → program */
    private final Map<String, Program> programs = new ConcurrentHashMap<>();
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    /** plan org unit|year → indicator → target */
    private final Map<String, Map<String, Target>> plans = new ConcurrentHashMap<>();

    public Catalog(AgroalDataSource ds) {
        this.ds = ds;
    }

    public synchronized void load() {
        try (Connection c = ds.getConnection()) {
            try (ResultSet rs = c.createStatement().executeQuery("select code, name, level, parent from org_unit")) {
                while (rs.next()) {
                    units.put(rs.getString(1), new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select plan_org_unit, fiscal_year, indicator_code, program_code, program_name, action_code, action_desc, unit,
                      annual_target, method, components, calendar, case_metric from target_def where not deleted""")) {
                while (rs.next()) {
                    Target t = new Target(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
                            split(rs.getString(11)), splitInts(rs.getString(12)), rs.getString(13));
                    plans.computeIfAbsent(t.planOrgUnit() + "|" + t.year(), k -> new ConcurrentHashMap<>()).put(t.indicator(), t);
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select plan_org_unit, fiscal_year, program_code, program_name, calendar, indicators from program_def where not deleted""")) {
                while (rs.next()) {
                    cacheProgram(new Program(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            split(rs.getString(5)), split(rs.getString(6)), false));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select plan_org_unit, fiscal_year, goal_code, program_code, component, goal, num_indicator, num_case_metric,
                      den_indicator, den_case_metric, target_percent from outcome_goal_def where not deleted""")) {
                while (rs.next()) {
                    cacheGoal(new Goal(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), side(rs.getString(7), rs.getString(8)), side(rs.getString(9), rs.getString(10)),
                            rs.getBigDecimal(11)), false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Side side(String indicator, String caseMetric) {
        return indicator == null && caseMetric == null ? null : new Side(indicator, caseMetric);
    }

    public void persistGoal(Connection c, Goal g, boolean deleted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outcome_goal_def(plan_org_unit, fiscal_year, goal_code, program_code, component, goal, num_indicator,
                  num_case_metric, den_indicator, den_case_metric, target_percent, deleted) values (?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (plan_org_unit, fiscal_year, goal_code) do update set program_code = excluded.program_code,
                  component = excluded.component, goal = excluded.goal, num_indicator = excluded.num_indicator,
                  num_case_metric = excluded.num_case_metric, den_indicator = excluded.den_indicator,
                  den_case_metric = excluded.den_case_metric, target_percent = excluded.target_percent, deleted = excluded.deleted""")) {
            ps.setString(1, g.planOrgUnit());
            ps.setInt(2, g.year());
            ps.setString(3, g.code());
            ps.setString(4, g.programCode());
            ps.setString(5, g.component());
            ps.setString(6, g.goal());
            ps.setString(7, g.numerator() == null ? null : g.numerator().indicator());
            ps.setString(8, g.numerator() == null ? null : g.numerator().caseMetric());
            ps.setString(9, g.denominator() == null ? null : g.denominator().indicator());
            ps.setString(10, g.denominator() == null ? null : g.denominator().caseMetric());
            ps.setBigDecimal(11, g.targetPercent());
            ps.setBoolean(12, deleted);
            ps.executeUpdate();
        }
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

    public void persistUnit(Connection c, Unit u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into org_unit(code, name, level, parent) values (?,?,?,?)
                on conflict (code) do update set name = excluded.name, level = excluded.level, parent = excluded.parent""")) {
            ps.setString(1, u.code());
            ps.setString(2, u.name());
            ps.setString(3, u.level());
            ps.setString(4, u.parent());
            ps.executeUpdate();
        }
    }

    /** Call after the transaction that persisted the unit committed. */
    public void cacheUnit(Unit u) {
        units.put(u.code(), u);
    }

    public void persistTarget(Connection c, Target t, boolean deleted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into target_def(plan_org_unit, fiscal_year, indicator_code, program_code, program_name, action_code, action_desc,
                  unit, annual_target, method, components, calendar, deleted, case_metric) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (plan_org_unit, fiscal_year, indicator_code) do update set program_code = excluded.program_code,
                  program_name = excluded.program_name, action_code = excluded.action_code, action_desc = excluded.action_desc,
                  unit = excluded.unit, annual_target = excluded.annual_target, method = excluded.method,
                  components = excluded.components, calendar = excluded.calendar, deleted = excluded.deleted,
                  case_metric = excluded.case_metric""")) {
            ps.setString(1, t.planOrgUnit());
            ps.setInt(2, t.year());
            ps.setString(3, t.indicator());
            ps.setString(4, t.programCode());
            ps.setString(5, t.programName());
            ps.setString(6, t.actionCode());
            ps.setString(7, t.actionDescription());
            ps.setString(8, t.unit());
            ps.setBigDecimal(9, t.annualTarget());
            ps.setString(10, t.method());
            ps.setString(11, String.join(",", t.components()));
            ps.setString(12, t.calendar().stream().map(String::valueOf).collect(Collectors.joining(",")));
            ps.setBoolean(13, deleted);
            ps.setString(14, t.caseMetric());
            ps.executeUpdate();
        }
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

    public void persistProgram(Connection c, Program p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into program_def(plan_org_unit, fiscal_year, program_code, program_name, calendar, indicators, deleted)
                values (?,?,?,?,?,?,?)
                on conflict (plan_org_unit, fiscal_year, program_code) do update set program_name = excluded.program_name,
                  calendar = excluded.calendar, indicators = excluded.indicators, deleted = excluded.deleted""")) {
            ps.setString(1, p.planOrgUnit());
            ps.setInt(2, p.year());
            ps.setString(3, p.code());
            ps.setString(4, p.name());
            ps.setString(5, String.join(",", p.calendar()));
            ps.setString(6, String.join(",", p.indicators()));
            ps.setBoolean(7, p.deleted());
            ps.executeUpdate();
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
        Map<String, Target> merged = new java.util.LinkedHashMap<>();
        for (String d : subtree(orgUnit)) {
            for (Target t : plan(d, year).values()) {
                merged.merge(t.indicator(), t, (a, b) -> new Target(orgUnit, year, a.indicator(), a.programCode(), a.programName(),
                        a.actionCode(), a.actionDescription(), a.unit(), a.annualTarget().add(b.annualTarget()), a.method(),
                        a.components(), a.calendar(), a.caseMetric()));
            }
        }
        return merged.values();
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

    public static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static List<Integer> splitInts(String csv) {
        return split(csv).stream().map(Integer::valueOf).toList();
    }
}
