package mx.gob.dif.indicators.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.indicators.domain.Aggregation;
import mx.gob.dif.indicators.domain.CaseCounts;
import mx.gob.dif.indicators.domain.CaseMetric;
import mx.gob.dif.indicators.domain.ProcedureIndicators;
import mx.gob.dif.indicators.domain.Expectation;
import mx.gob.dif.indicators.domain.MeasurementMethod;
import mx.gob.dif.indicators.domain.MonthValues;
import mx.gob.dif.indicators.domain.OutcomeRatio;
import mx.gob.dif.indicators.domain.Period;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indicator values for any unit and period: month values of the unit's whole subtree are read in
 * one query and aggregated in memory by the plain-Java rules of the domain package.
 */
@ApplicationScoped
public class IndicatorQuery {
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private final AgroalDataSource ds;
    private final Catalog catalog;
    private final Expectation.Thresholds thresholds;
    private final DataVersion dataVersion;
    /** Closing reports by unit, year and day, each valid for the data version it was computed at. */
    private final java.util.concurrent.ConcurrentHashMap<String, CachedReport> closingCache = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedReport(long version, ClosingReport report) {
    }

    public IndicatorQuery(AgroalDataSource ds, Catalog catalog, DataVersion dataVersion,
                          @ConfigProperty(name = "indicators.status.green") BigDecimal green,
                          @ConfigProperty(name = "indicators.status.yellow") BigDecimal yellow) {
        this.ds = ds;
        this.catalog = catalog;
        this.dataVersion = dataVersion;
        this.thresholds = new Expectation.Thresholds(green, yellow);
    }

    /**
     * One indicator of one unit over one period. {@code months} (single-indicator queries only) lists the
     * period's months with reports: v(m) summed over the unit's subtree and the number of reports.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorValue(String indicator, String orgUnit, String period, String method, String unit,
                                 BigDecimal target, BigDecimal value, BigDecimal percent, BigDecimal expected,
                                 BigDecimal expectedPercent, String status, String asOf, String programCode,
                                 String programName, String actionCode, String actionDescription, String planOrgUnit,
                                 List<String> components, List<MonthPoint> months) {
    }

    public record MonthPoint(int month, BigDecimal value, long reports) {
    }

    public IndicatorValue indicator(String code, String orgUnit, String periodText) {
        Period p = period(periodText);
        requireUnit(orgUnit);
        Catalog.Target t = catalog.target(code, orgUnit, p.year()).orElseThrow(() -> ProblemException.notFound(
                "El indicador '" + code + "' no está en el plan " + p.year() + " de la unidad " + orgUnit
                        + ", de sus unidades superiores ni de las que dependen de ella."));
        Set<String> needed = new HashSet<>();
        closure(code, orgUnit, p.year(), needed);
        Map<String, Map<String, MonthValues>> values = load(needed, orgUnit, p.year());
        overlayCaseCounts(values, needed.stream().map(n -> catalog.target(n, orgUnit, p.year()).orElse(null))
                .filter(java.util.Objects::nonNull).toList(), orgUnit, p.year());
        IndicatorValue v = evaluate(t, orgUnit, p, values);
        if (MeasurementMethod.of(t.method()) == MeasurementMethod.COMPOSITE) {
            return v;
        }
        List<MonthPoint> months = new ArrayList<>();
        Collection<MonthValues> units = values.getOrDefault(code, Map.of()).values();
        for (int m = p.firstMonth(); m <= p.lastMonth(); m++) {
            BigDecimal sum = BigDecimal.ZERO;
            long reports = 0;
            for (MonthValues u : units) {
                sum = sum.add(u.value(m));
                reports += u.reports(m);
            }
            if (reports > 0) {
                months.add(new MonthPoint(m, Aggregation.plain(sum), reports));
            }
        }
        return new IndicatorValue(v.indicator(), v.orgUnit(), v.period(), v.method(), v.unit(), v.target(), v.value(), v.percent(),
                v.expected(), v.expectedPercent(), v.status(), v.asOf(), v.programCode(), v.programName(), v.actionCode(),
                v.actionDescription(), v.planOrgUnit(), v.components(), months);
    }

    /** The indicator and, for COMPOSITE, its components, theirs, and so on. */
    private void closure(String code, String orgUnit, int year, Set<String> out) {
        if (!out.add(code)) {
            return;
        }
        catalog.target(code, orgUnit, year).ifPresent(t -> t.components().forEach(c -> closure(c, orgUnit, year, out)));
    }

    public Map<String, Object> programProgress(String program, String orgUnit, String periodText) {
        Period p = period(periodText);
        requireUnit(orgUnit);
        List<Catalog.Target> targets = catalog.targetsFor(orgUnit, p.year()).stream()
                .filter(t -> t.programCode().equals(program)).sorted(java.util.Comparator.comparing(Catalog.Target::indicator)).toList();
        if (targets.isEmpty()) {
            throw ProblemException.notFound("El programa '" + program + "' no está en el plan " + p.year() + " que aplica a la unidad " + orgUnit + ".");
        }
        Map<String, Map<String, MonthValues>> values = loadAll(orgUnit, p.year());
        overlayCaseCounts(values, catalog.targetsFor(orgUnit, p.year()), orgUnit, p.year());
        List<IndicatorValue> rows = targets.stream().map(t -> evaluate(t, orgUnit, p, values)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("program", program);
        out.put("programName", rows.get(0).programName());
        out.put("orgUnit", orgUnit);
        out.put("period", p.label());
        out.put("globalIndicator", Aggregation.mean(rows.stream().map(IndicatorValue::percent).toList()));
        out.put("indicators", rows);
        out.put("outcomeGoals", goalValues(catalog.goalsFor(orgUnit, p.year()).stream().filter(g -> g.programCode().equals(program)).toList(),
                orgUnit, p, values));
        out.put("asOf", OffsetDateTime.now().toString());
        return out;
    }

    /** One side of an outcome goal's ratio: what it refers to and its value for the unit and period. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SideRef(String indicator, String caseMetric) {
    }

    public record SideValue(SideRef ref, BigDecimal value) {
    }

    /** An outcome goal of a unit over a period: ratio = numerator / denominator × 100 of the unit's (rolled-up) values. */
    public record OutcomeGoalValue(String goal, String program, String orgUnit, String period, String planOrgUnit, String component,
                                   String goalText, SideValue numerator, SideValue denominator, BigDecimal ratio,
                                   BigDecimal targetPercent, String status, String asOf) {
    }

    /** The outcome goals that apply to a unit in a year (optionally of one program), with their ratios over the whole year. */
    public List<OutcomeGoalValue> outcomeGoals(String orgUnit, Integer fiscalYear, String program) {
        requireUnit(orgUnit);
        if (fiscalYear == null) {
            throw ProblemException.badRequest("Indique el año fiscal en 'fiscalYear', p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
        Period p = period(Integer.toString(fiscalYear));
        List<Catalog.Goal> goals = catalog.goalsFor(orgUnit, p.year()).stream()
                .filter(g -> program == null || program.isBlank() || g.programCode().equals(program)).toList();
        if (goals.isEmpty()) {
            return List.of();
        }
        return goalValues(goals, orgUnit, p, null);
    }

    public OutcomeGoalValue outcomeGoal(String code, String orgUnit, String periodText) {
        Period p = period(periodText);
        requireUnit(orgUnit);
        Catalog.Goal g = catalog.goalsFor(orgUnit, p.year()).stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("La meta de intervención '" + code + "' no está en el plan " + p.year()
                        + " que aplica a la unidad " + orgUnit + "."));
        return goalValues(List.of(g), orgUnit, p, null).get(0);
    }

    /**
     * Each side is the indicator's value for the unit and period under its own method (rolled up over
     * the unit's subtree like any indicator) or the case metric's count over the period; the ratio
     * divides these rolled-up values. {@code values} may be given when already loaded for the unit.
     */
    private List<OutcomeGoalValue> goalValues(List<Catalog.Goal> goals, String orgUnit, Period p,
                                              Map<String, Map<String, MonthValues>> values) {
        if (goals.isEmpty()) {
            return List.of();
        }
        boolean needsIndicators = goals.stream().anyMatch(g -> isIndicator(g.numerator()) || isIndicator(g.denominator()));
        Map<String, Map<String, MonthValues>> v = values;
        if (v == null && needsIndicators) {
            v = loadAll(orgUnit, p.year());
            overlayCaseCounts(v, catalog.targetsFor(orgUnit, p.year()), orgUnit, p.year());
        }
        Map<String, CaseCounts> counts = goals.stream().anyMatch(g -> isMetric(g.numerator()) || isMetric(g.denominator()))
                ? caseCounts(orgUnit, p.year(), null) : Map.of();
        String asOf = OffsetDateTime.now().toString();
        List<OutcomeGoalValue> out = new ArrayList<>();
        for (Catalog.Goal g : goals) {
            SideValue num = side(g.numerator(), orgUnit, p, v, counts);
            SideValue den = side(g.denominator(), orgUnit, p, v, counts);
            BigDecimal ratio = num == null || den == null ? null : OutcomeRatio.ratio(num.value(), den.value());
            Expectation.Status status = OutcomeRatio.status(ratio, g.targetPercent(), thresholds);
            out.add(new OutcomeGoalValue(g.code(), g.programCode(), orgUnit, p.label(), g.planOrgUnit(), g.component(), g.goal(),
                    num, den, ratio, Aggregation.plain(g.targetPercent()), status == null ? null : status.name(), asOf));
        }
        return out;
    }

    private static boolean isIndicator(Catalog.Side s) {
        return s != null && s.indicator() != null;
    }

    private static boolean isMetric(Catalog.Side s) {
        return s != null && s.caseMetric() != null;
    }

    private SideValue side(Catalog.Side s, String orgUnit, Period p, Map<String, Map<String, MonthValues>> values,
                           Map<String, CaseCounts> counts) {
        if (s == null) {
            return null;
        }
        if (s.caseMetric() != null) {
            CaseMetric m = CaseMetric.ofTarget(s.caseMetric());
            long n = counts.values().stream().mapToLong(c -> c.sum(m, p.firstMonth(), p.lastMonth())).sum();
            return new SideValue(new SideRef(null, s.caseMetric()), BigDecimal.valueOf(n));
        }
        BigDecimal value = catalog.target(s.indicator(), orgUnit, p.year()).map(t -> evaluate(t, orgUnit, p, values).value()).orElse(null);
        return new SideValue(new SideRef(s.indicator(), null), value);
    }

    /**
     * The year-end closing report: every target that applies to the unit, with its absolute value and
     * percent. A state's report reads every month value of its subtree, so it is kept until the next
     * committed change of the data (or the next day, since "expected" moves with the calendar): asking
     * again for an unchanged year costs nothing, and any applied report invalidates it at once.
     */
    public ClosingReport closing(String orgUnit, int year) {
        long version = dataVersion.current();
        String key = orgUnit + "|" + year + "|" + LocalDate.now(MEXICO);
        CachedReport cached = closingCache.get(key);
        if (cached != null && cached.version() == version) {
            return cached.report();
        }
        ClosingReport report = computeClosing(orgUnit, year);
        if (closingCache.size() > 2_000) {
            closingCache.clear(); // bounded: old days and units nobody asks for again
        }
        closingCache.put(key, new CachedReport(version, report));
        return report;
    }

    private ClosingReport computeClosing(String orgUnit, int year) {
        requireUnit(orgUnit);
        Period p = new Period(Integer.toString(year), year, 1, 12);
        Collection<Catalog.Target> targets = catalog.targetsFor(orgUnit, year);
        if (targets.isEmpty()) {
            throw ProblemException.notFound("No hay plan " + year + " que aplique a la unidad " + orgUnit + ".");
        }
        Map<String, Map<String, MonthValues>> values = loadAll(orgUnit, year);
        overlayCaseCounts(values, targets, orgUnit, year);
        List<IndicatorValue> rows = targets.stream().map(t -> evaluate(t, orgUnit, p, values))
                .sorted(java.util.Comparator.comparing(IndicatorValue::programCode).thenComparing(IndicatorValue::indicator)).toList();
        Map<String, List<IndicatorValue>> byProgram = new LinkedHashMap<>();
        rows.forEach(r -> byProgram.computeIfAbsent(r.programCode(), k -> new ArrayList<>()).add(r));
        List<Map<String, Object>> programs = new ArrayList<>();
        byProgram.forEach((code, list) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("program", code);
            m.put("programName", list.get(0).programName());
            m.put("indicators", list.size());
            m.put("globalIndicator", Aggregation.mean(list.stream().map(IndicatorValue::percent).toList()));
            programs.add(m);
        });
        String unitName = catalog.unit(orgUnit).map(Catalog.Unit::name).orElse(orgUnit);
        return new ClosingReport(orgUnit, unitName, year, OffsetDateTime.now().toString(), programs, rows);
    }

    public record ClosingReport(String orgUnit, String orgUnitName, int fiscalYear, String asOf,
                                List<Map<String, Object>> programs, List<IndicatorValue> rows) {
    }

    private IndicatorValue evaluate(Catalog.Target t, String orgUnit, Period p, Map<String, Map<String, MonthValues>> values) {
        MeasurementMethod method = MeasurementMethod.of(t.method());
        Aggregation.Definitions defs = new Aggregation.Definitions() {
            @Override
            public MeasurementMethod method(String indicator) {
                return indicator.equals(t.indicator()) ? method : catalog.target(indicator, orgUnit, p.year())
                        .map(ct -> MeasurementMethod.of(ct.method())).orElse(MeasurementMethod.SUM);
            }

            @Override
            public List<String> components(String indicator) {
                return indicator.equals(t.indicator()) ? t.components() : catalog.target(indicator, orgUnit, p.year())
                        .map(Catalog.Target::components).orElse(List.of());
            }

            @Override
            public Collection<MonthValues> units(String indicator) {
                return values.getOrDefault(indicator, Map.of()).values();
            }
        };
        BigDecimal value = Aggregation.plain(Aggregation.rolledUp(t.indicator(), defs, p));
        BigDecimal expected = Expectation.expected(t.annualTarget(), method, t.calendar(), p, LocalDate.now(MEXICO));
        String programName = catalog.program(t.planOrgUnit(), t.year(), t.programCode()).map(Catalog.Program::name)
                .filter(n -> !n.isBlank()).orElse(t.programName());
        return new IndicatorValue(t.indicator(), orgUnit, p.label(), method.name(), t.unit(), Aggregation.plain(t.annualTarget()), value,
                Aggregation.percent(value, t.annualTarget()), expected, Aggregation.percent(expected, t.annualTarget()),
                Expectation.status(value, expected, thresholds).name(), OffsetDateTime.now().toString(),
                t.programCode(), programName, t.actionCode(), t.actionDescription(), t.planOrgUnit(),
                method == MeasurementMethod.COMPOSITE ? t.components() : null, null);
    }

    /** indicator → org unit → month values, for the given indicators in the unit's subtree. */
    private Map<String, Map<String, MonthValues>> load(Set<String> all, String orgUnit, int year) {
        return query("select indicator, org_unit, month, total, reports from month_value where year = ? and indicator = any(?) and org_unit = any(?)",
                year, all.toArray(String[]::new), catalog.subtree(orgUnit).toArray(String[]::new));
    }

    private Map<String, Map<String, MonthValues>> loadAll(String orgUnit, int year) {
        // one row per (indicator, unit) with its months packed as "m:total:reports,…": 12× fewer rows to ship and parse
        Map<String, Map<String, MonthValues>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select indicator, org_unit, string_agg(month || ':' || total || ':' || reports, ',')
                from month_value where year = ? and org_unit = any(?) group by indicator, org_unit""")) {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", catalog.subtree(orgUnit).toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MonthValues mv = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new MonthValues());
                    String packed = rs.getString(3);
                    int start = 0;
                    while (start < packed.length()) {
                        int end = packed.indexOf(',', start);
                        if (end < 0) {
                            end = packed.length();
                        }
                        int a = packed.indexOf(':', start);
                        int b = packed.indexOf(':', a + 1);
                        mv.add(Integer.parseInt(packed, start, a, 10), new BigDecimal(packed.substring(a + 1, b)),
                                Long.parseLong(packed, b + 1, end, 10));
                        start = end + 1;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void read(PreparedStatement ps, Map<String, Map<String, MonthValues>> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new MonthValues())
                        .add(rs.getInt(3), rs.getBigDecimal(4), rs.getLong(5));
            }
        }
    }

    private Map<String, Map<String, MonthValues>> query(String sql, int year, String[] indicators, String[] units) {
        Map<String, Map<String, MonthValues>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setInt(i++, year);
            if (indicators != null) {
                ps.setArray(i++, c.createArrayOf("text", indicators));
            }
            ps.setArray(i, c.createArrayOf("text", units));
            read(ps, out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * A target counted from a case metric takes its month values from the case counts of the unit's
     * subtree (per unit, so the roll-up is the same as for activities), not from activity reports.
     */
    private void overlayCaseCounts(Map<String, Map<String, MonthValues>> values, Collection<Catalog.Target> targets,
                                   String orgUnit, int year) {
        Map<String, CaseMetric> byIndicator = new HashMap<>();
        for (Catalog.Target t : targets) {
            CaseMetric m = t.caseMetric() == null ? null : CaseMetric.ofTarget(t.caseMetric());
            if (m != null) {
                byIndicator.put(t.indicator(), m);
            }
        }
        if (byIndicator.isEmpty()) {
            return;
        }
        Map<String, CaseCounts> perUnit = caseCounts(orgUnit, year, byIndicator.values().stream().map(Enum::name).distinct().toArray(String[]::new));
        byIndicator.forEach((indicator, metric) -> {
            Map<String, MonthValues> units = new HashMap<>();
            perUnit.forEach((unit, counts) -> units.put(unit, counts.monthValues(metric)));
            values.put(indicator, units);
        });
    }

    /** org unit → its case counts of the year, for the unit's subtree (the given metrics, or all when null). */
    private Map<String, CaseCounts> caseCounts(String orgUnit, int year, String[] metrics) {
        Map<String, CaseCounts> out = new HashMap<>();
        String sql = "select org_unit, metric, month, count from case_count where year = ? and org_unit = any(?)"
                + (metrics == null ? "" : " and metric = any(?)");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", catalog.subtree(orgUnit).toArray(String[]::new)));
            if (metrics != null) {
                ps.setArray(3, c.createArrayOf("text", metrics));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new CaseCounts())
                            .add(CaseMetric.valueOf(rs.getString(2)), rs.getInt(3), rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * The performance indicators of procedure PDG-02 for a unit (its subtree summed) over a period.
     * Monthly reports are due from every unit of the subtree that has case events in the year (at
     * least one: the unit asked for).
     */
    public Map<String, Object> procedure(String orgUnit, String periodText) {
        Period p = period(periodText);
        requireUnit(orgUnit);
        Map<String, CaseCounts> perUnit = caseCounts(orgUnit, p.year(), null);
        ProcedureIndicators.Result r = ProcedureIndicators.compute(perUnit.values(), p, LocalDate.now(MEXICO));
        Map<String, Object> counts = new LinkedHashMap<>();
        r.counts().forEach((m, n) -> counts.put(camel(m.name()), n));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("procedure", ProcedureIndicators.PROCEDURE);
        out.put("orgUnit", orgUnit);
        out.put("orgUnitName", catalog.unit(orgUnit).map(Catalog.Unit::name).orElse(orgUnit));
        out.put("period", p.label());
        out.put("referralLetters", r.referralLetters());
        out.put("followUpReportsOnTime", r.followUpReportsOnTime());
        out.put("monthlyReportsOnTime", r.monthlyReportsOnTime());
        out.put("monthsDue", r.monthsDue());
        out.put("reportingUnits", r.reportingUnits());
        out.put("counts", counts);
        out.put("asOf", OffsetDateTime.now().toString());
        return out;
    }

    /** CASES_ATTENDED → casesAttended. */
    static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : constant.toLowerCase().toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }

    private void requireUnit(String orgUnit) {
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ProblemException.badRequest("Indique la unidad en 'orgUnit' (clave INEGI, p. ej. 10005 o 10 para el estado).");
        }
        if (catalog.unit(orgUnit).isEmpty()) {
            throw ProblemException.notFound("La unidad '" + orgUnit + "' no existe.");
        }
    }

    private static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
