package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.indicators.api.IndicatorBreakdown;
import mx.gob.dif.indicators.api.IndicatorValue;
import mx.gob.dif.indicators.api.ProgramBreakdown;
import mx.gob.dif.indicators.api.ProgramProgress;
import mx.gob.dif.indicators.domain.Aggregation;
import mx.gob.dif.indicators.domain.MonthValues;
import mx.gob.dif.indicators.domain.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit's indicator or program progress split into parts: one per direct child unit (its whole subtree) and one for the
 * unit's own reports. The month values are read once for the whole subtree (as for the total) and each part keeps its
 * own units' share; each part's value uses the total's method and components, so the parts add up to the total exactly
 * (the roll-up is a sum over units). A part is measured against the target of the plan its unit reports against.
 */
@ApplicationScoped
public class Breakdowns {
    private final Catalog catalog;
    private final IndicatorValues values;
    private final ProgramReports programs;

    /** A part of a unit's subtree: the unit the row is named after and the units whose values it holds. */
    record Part(String orgUnit, Set<String> units) {
    }

    public Breakdowns(Catalog catalog, IndicatorValues values, ProgramReports programs) {
        this.catalog = catalog;
        this.values = values;
        this.programs = programs;
    }

    public IndicatorBreakdown indicator(String code, String orgUnit, String periodText) {
        Period p = IndicatorValues.period(periodText);
        Catalog.Target t = values.target(code, orgUnit, p);
        Map<String, Map<String, MonthValues>> all = values.valuesOf(t, orgUnit, p);
        IndicatorValue total = values.withMonths(t, orgUnit, p, all);
        Set<String> closure = values.closure(code, orgUnit, p.year());
        List<IndicatorBreakdown.Row> rows = new ArrayList<>();
        for (Part part : parts(orgUnit)) {
            Map<String, Map<String, MonthValues>> mine = restrict(all, part.units());
            ProgramBreakdown.Indicator i = part(t, orgUnit, part, p, mine, closure);
            rows.add(new IndicatorBreakdown.Row(part.orgUnit(), catalog.name(part.orgUnit()), i.target(), i.value(), i.percent(),
                    i.expected(), i.status(), i.reported()));
        }
        return new IndicatorBreakdown(t.indicator(), orgUnit, p.label(), total.method(), total, rows);
    }

    public ProgramBreakdown program(String program, String orgUnit, String periodText) {
        Period p = IndicatorValues.period(periodText);
        List<Catalog.Target> targets = programs.programTargets(program, orgUnit, p);
        Map<String, Map<String, MonthValues>> all = programs.programValues(program, orgUnit, p, targets);
        ProgramProgress total = programs.progress(program, orgUnit, p, targets, all);
        Map<String, Set<String>> closures = new HashMap<>();
        targets.forEach(t -> closures.put(t.indicator(), values.closure(t.indicator(), orgUnit, p.year())));
        List<ProgramBreakdown.Row> rows = new ArrayList<>();
        for (Part part : parts(orgUnit)) {
            Map<String, Map<String, MonthValues>> mine = restrict(all, part.units());
            List<ProgramBreakdown.Indicator> indicators = targets.stream()
                    .map(t -> part(t, orgUnit, part, p, mine, closures.get(t.indicator()))).toList();
            rows.add(new ProgramBreakdown.Row(part.orgUnit(), catalog.name(part.orgUnit()),
                    Aggregation.mean(indicators.stream().map(ProgramBreakdown.Indicator::percent).toList()),
                    indicators.stream().anyMatch(ProgramBreakdown.Indicator::reported), indicators));
        }
        return new ProgramBreakdown(program, total.programName(), orgUnit, p.label(), total, rows);
    }

    /** The direct children (each with its subtree), then the unit's own reports. */
    List<Part> parts(String orgUnit) {
        List<Part> parts = new ArrayList<>();
        for (String child : catalog.children(orgUnit)) {
            parts.add(new Part(child, new HashSet<>(catalog.subtree(child))));
        }
        parts.add(new Part(orgUnit, Set.of(orgUnit)));
        return parts;
    }

    /** One indicator of one part: the total's method over the part's values, the part's own target and expectation. */
    private ProgramBreakdown.Indicator part(Catalog.Target t, String orgUnit, Part part, Period p,
                                            Map<String, Map<String, MonthValues>> mine, Set<String> closure) {
        BigDecimal value = values.value(t, orgUnit, p, mine);
        Catalog.Target own = catalog.target(t.indicator(), part.orgUnit(), p.year()).orElse(null);
        if (own == null) {
            // no plan of this unit, of its ancestors or below it defines the indicator: nothing to measure against
            return new ProgramBreakdown.Indicator(t.indicator(), t.method(), null, value, null, null, null, reported(mine, closure, p));
        }
        BigDecimal expected = values.expected(own, p);
        return new ProgramBreakdown.Indicator(t.indicator(), t.method(), Aggregation.plain(own.annualTarget()), value,
                Aggregation.percent(value, own.annualTarget()), expected, values.status(value, expected), reported(mine, closure, p));
    }

    private static Map<String, Map<String, MonthValues>> restrict(Map<String, Map<String, MonthValues>> all, Set<String> units) {
        Map<String, Map<String, MonthValues>> out = new HashMap<>();
        all.forEach((indicator, byUnit) -> {
            Map<String, MonthValues> kept = new HashMap<>();
            byUnit.forEach((unit, v) -> {
                if (units.contains(unit)) {
                    kept.put(unit, v);
                }
            });
            out.put(indicator, kept);
        });
        return out;
    }

    /** Any report (or counted case event) of the indicators in a month of the period. */
    private static boolean reported(Map<String, Map<String, MonthValues>> mine, Set<String> indicators, Period p) {
        for (String i : indicators) {
            for (MonthValues v : mine.getOrDefault(i, Map.of()).values()) {
                for (int m = p.firstMonth(); m <= p.lastMonth(); m++) {
                    if (v.hasReports(m)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
