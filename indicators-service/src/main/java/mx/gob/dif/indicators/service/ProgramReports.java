package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.indicators.api.ClosingReport;
import mx.gob.dif.indicators.api.IndicatorValue;
import mx.gob.dif.indicators.api.ProgramProgress;
import mx.gob.dif.indicators.domain.Aggregation;
import mx.gob.dif.indicators.domain.MonthValues;
import mx.gob.dif.indicators.domain.Period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reports over every target of a plan: a program's progress and the year-end closing report. */
@ApplicationScoped
public class ProgramReports {
    private final Catalog catalog;
    private final IndicatorValues values;
    private final OutcomeGoals goals;
    private final DataVersion dataVersion;
    private final ReportingCycle cycle;
    /** Closing reports by unit, year and day, each valid for the data version it was computed at. */
    private final Map<String, CachedReport> closingCache = new ConcurrentHashMap<>();

    private record CachedReport(DataVersion.Stamp version, ClosingReport report) {
    }

    public ProgramReports(Catalog catalog, IndicatorValues values, OutcomeGoals goals, DataVersion dataVersion, ReportingCycle cycle) {
        this.cycle = cycle;
        this.catalog = catalog;
        this.values = values;
        this.goals = goals;
        this.dataVersion = dataVersion;
    }

    public ProgramProgress progress(String program, String orgUnit, String periodText) {
        Period p = IndicatorValues.period(periodText);
        List<Catalog.Target> targets = programTargets(program, orgUnit, p);
        return progress(program, orgUnit, p, targets, programValues(program, orgUnit, p, targets));
    }

    /**
     * Month values of what a program's progress reads, for the unit's subtree: its indicators, their components and
     * the indicators its outcome goals divide (a state has hundreds of indicators; a program a few).
     */
    Map<String, Map<String, MonthValues>> programValues(String program, String orgUnit, Period p, List<Catalog.Target> targets) {
        Set<String> needed = new HashSet<>();
        targets.forEach(t -> needed.addAll(values.closure(t.indicator(), orgUnit, p.year())));
        for (Catalog.Goal g : programGoals(program, orgUnit, p)) {
            for (Catalog.Side side : Arrays.asList(g.numerator(), g.denominator())) {
                if (side != null && side.indicator() != null) {
                    needed.addAll(values.closure(side.indicator(), orgUnit, p.year()));
                }
            }
        }
        return values.valuesOf(needed, orgUnit, p.year());
    }

    private List<Catalog.Goal> programGoals(String program, String orgUnit, Period p) {
        return catalog.goalsFor(orgUnit, p.year()).stream().filter(g -> g.programCode().equals(program)).toList();
    }

    /** The program's targets in the plan that applies to a known unit, by indicator; 400/404 problems otherwise. */
    List<Catalog.Target> programTargets(String program, String orgUnit, Period p) {
        values.requireKnownUnit(orgUnit);
        List<Catalog.Target> targets = catalog.targetsFor(orgUnit, p.year()).stream()
                .filter(t -> t.programCode().equals(program)).sorted(Comparator.comparing(Catalog.Target::indicator)).toList();
        if (targets.isEmpty()) {
            throw ProblemException.notFound("El programa '" + program + "' no está en el plan " + p.year() + " que aplica a la unidad " + orgUnit + ".");
        }
        return targets;
    }

    /** The progress from month values already read for the unit's subtree ({@link #programValues}). */
    ProgramProgress progress(String program, String orgUnit, Period p, List<Catalog.Target> targets, Map<String, Map<String, MonthValues>> v) {
        List<IndicatorValue> rows = targets.stream().map(t -> values.evaluate(t, orgUnit, p, v)).toList();
        return new ProgramProgress(program, rows.get(0).programName(), orgUnit, p.label(),
                Aggregation.mean(rows.stream().map(IndicatorValue::percent).toList()), rows,
                goals.of(programGoals(program, orgUnit, p), orgUnit, p, v),
                OffsetDateTime.now().toString());
    }

    /**
     * The year-end closing report: every target that applies to the unit, with its absolute value and
     * percent. A state's report reads every month value of its subtree, so it is kept until the next
     * committed change of the data (or the next day, since "expected" moves with the calendar): asking
     * again for an unchanged year costs nothing, and any applied report invalidates it at once.
     */
    public ClosingReport closing(String orgUnit, int year) {
        DataVersion.Stamp version = dataVersion.current();
        String key = orgUnit + "|" + year + "|" + LocalDate.now(IndicatorValues.MEXICO);
        CachedReport cached = closingCache.get(key);
        if (cached != null && cached.version().equals(version)) {
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
        values.requireKnownUnit(orgUnit);
        Period p = new Period(Integer.toString(year), year, 1, 12);
        Collection<Catalog.Target> targets = catalog.targetsFor(orgUnit, year);
        if (targets.isEmpty()) {
            throw ProblemException.notFound("No hay plan " + year + " que aplique a la unidad " + orgUnit + ".");
        }
        Map<String, Map<String, MonthValues>> v = values.allValues(orgUnit, year, targets);
        List<IndicatorValue> rows = targets.stream().map(t -> values.evaluate(t, orgUnit, p, v))
                .sorted(Comparator.comparing(IndicatorValue::programCode).thenComparing(IndicatorValue::indicator)).toList();
        Map<String, List<IndicatorValue>> byProgram = new LinkedHashMap<>();
        rows.forEach(r -> byProgram.computeIfAbsent(r.programCode(), k -> new ArrayList<>()).add(r));
        List<ClosingReport.ProgramSummary> programs = new ArrayList<>();
        byProgram.forEach((code, list) -> programs.add(new ClosingReport.ProgramSummary(code, list.get(0).programName(), list.size(),
                Aggregation.mean(list.stream().map(IndicatorValue::percent).toList()))));
        String unitName = catalog.unit(orgUnit).map(Catalog.Unit::name).orElse(orgUnit);
        return new ClosingReport(orgUnit, unitName, year, OffsetDateTime.now().toString(), programs, rows, cycle.acceptance(orgUnit, year));
    }
}
