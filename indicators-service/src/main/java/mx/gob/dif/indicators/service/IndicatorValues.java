package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.indicators.api.IndicatorValue;
import mx.gob.dif.indicators.api.MonthPoint;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.domain.Aggregation;
import mx.gob.dif.indicators.domain.CaseMetric;
import mx.gob.dif.indicators.domain.Expectation;
import mx.gob.dif.indicators.domain.MeasurementMethod;
import mx.gob.dif.indicators.domain.MonthValues;
import mx.gob.dif.indicators.domain.Period;
import mx.gob.dif.indicators.persistence.MonthValueReads;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Indicator values for any unit and period: month values of the unit's whole subtree are read in
 * one query and aggregated in memory by the plain-Java rules of the domain package. No caller
 * checks here: {@link IndicatorQuery} checks who asks; the indicator-updated notifications ask as the system.
 */
@ApplicationScoped
public class IndicatorValues {
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private final Catalog catalog;
    private final MonthValueReads reads;
    private final Expectation.Thresholds thresholds;

    public IndicatorValues(Catalog catalog, MonthValueReads reads, IndicatorsConfig config) {
        this.catalog = catalog;
        this.reads = reads;
        this.thresholds = new Expectation.Thresholds(config.status().green(), config.status().yellow());
    }

    Expectation.Thresholds thresholds() {
        return thresholds;
    }

    /** One indicator of one unit over one period, with the period's months that have reports (except COMPOSITE). */
    public IndicatorValue indicator(String code, String orgUnit, String periodText) {
        Period p = period(periodText);
        Catalog.Target t = target(code, orgUnit, p);
        return withMonths(t, orgUnit, p, valuesOf(t, orgUnit, p));
    }

    /**
     * The year values of several indicators of one unit, from ONE read of the year rows of the unit's subtree (the
     * indicator-updated notifications announce hundreds at a time); indicators without a target for the unit are left out.
     */
    public List<IndicatorValue> yearValues(Collection<String> codes, String orgUnit, int year) {
        requireKnownUnit(orgUnit);
        Period p = new Period(Integer.toString(year), year, 1, 12);
        List<Catalog.Target> targets = codes.stream().map(c -> catalog.target(c, orgUnit, year)).flatMap(Optional::stream).toList();
        Set<String> needed = new HashSet<>();
        targets.forEach(t -> needed.addAll(closure(t.indicator(), orgUnit, year)));
        // whole years: the per-year rows, as the closing report reads them
        Map<String, Map<String, MonthValues>> values = withCaseCounts(reads.years(needed, catalog.subtree(orgUnit), year), needed,
                orgUnit, year);
        return targets.stream().map(t -> evaluate(t, orgUnit, p, values)).toList();
    }

    /** The target of the indicator that applies to a known unit in the period's year; 400/404 problems otherwise. */
    Catalog.Target target(String code, String orgUnit, Period p) {
        requireKnownUnit(orgUnit);
        return catalog.target(code, orgUnit, p.year()).orElseThrow(() -> ProblemException.notFound(
                "El indicador '" + code + "' no está en el plan " + p.year() + " de la unidad " + orgUnit
                        + ", de sus unidades superiores ni de las que dependen de ella."));
    }

    /** Month values of the target's indicator (and, for COMPOSITE, its components) for every unit of the subtree. */
    Map<String, Map<String, MonthValues>> valuesOf(Catalog.Target t, String orgUnit, Period p) {
        return valuesOf(closure(t.indicator(), orgUnit, p.year()), orgUnit, p.year());
    }

    /** Month values of the given indicators for every unit of the subtree, targets counted from cases overlaid. */
    Map<String, Map<String, MonthValues>> valuesOf(Set<String> indicators, String orgUnit, int year) {
        return withCaseCounts(reads.of(indicators, catalog.subtree(orgUnit), year), indicators, orgUnit, year);
    }

    private Map<String, Map<String, MonthValues>> withCaseCounts(Map<String, Map<String, MonthValues>> values, Set<String> indicators,
                                                              String orgUnit, int year) {
        overlayCaseCounts(values, indicators.stream().map(n -> catalog.target(n, orgUnit, year).orElse(null))
                .filter(Objects::nonNull).toList(), orgUnit, year);
        return values;
    }

    /** The value with the period's months that have reports (summed over the units in {@code values}), except COMPOSITE. */
    IndicatorValue withMonths(Catalog.Target t, String orgUnit, Period p, Map<String, Map<String, MonthValues>> values) {
        IndicatorValue v = evaluate(t, orgUnit, p, values);
        if (MeasurementMethod.of(t.method()) == MeasurementMethod.COMPOSITE) {
            return v;
        }
        String code = t.indicator();
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
        return v.withMonths(months);
    }

    /** The indicator and, for COMPOSITE, its components, theirs, and so on. */
    Set<String> closure(String code, String orgUnit, int year) {
        Set<String> out = new HashSet<>();
        closure(code, orgUnit, year, out);
        return out;
    }

    private void closure(String code, String orgUnit, int year, Set<String> out) {
        if (!out.add(code)) {
            return;
        }
        catalog.target(code, orgUnit, year).ifPresent(t -> t.components().forEach(c -> closure(c, orgUnit, year, out)));
    }

    /** Month values of every indicator of the unit's subtree, targets counted from cases overlaid. */
    Map<String, Map<String, MonthValues>> allValues(String orgUnit, int year, Collection<Catalog.Target> targets) {
        Map<String, Map<String, MonthValues>> values = reads.all(catalog.subtree(orgUnit), year);
        overlayCaseCounts(values, targets, orgUnit, year);
        return values;
    }

    IndicatorValue evaluate(Catalog.Target t, String orgUnit, Period p, Map<String, Map<String, MonthValues>> values) {
        MeasurementMethod method = MeasurementMethod.of(t.method());
        BigDecimal value = value(t, orgUnit, p, values);
        BigDecimal expected = expected(t, p);
        String programName = catalog.program(t.planOrgUnit(), t.year(), t.programCode()).map(Catalog.Program::name)
                .filter(n -> !n.isBlank()).orElse(t.programName());
        return new IndicatorValue(t.indicator(), orgUnit, p.label(), method.name(), t.unit(), Aggregation.plain(t.annualTarget()), value,
                Aggregation.percent(value, t.annualTarget()), expected, Aggregation.percent(expected, t.annualTarget()),
                status(value, expected), OffsetDateTime.now().toString(),
                t.programCode(), programName, t.actionCode(), t.actionDescription(), t.planOrgUnit(),
                method == MeasurementMethod.COMPOSITE ? t.components() : null, null);
    }

    /** What the target expects by the end of the period (or today): its schedule, else its calendar. */
    BigDecimal expected(Catalog.Target t, Period p) {
        return Expectation.expected(t.annualTarget(), MeasurementMethod.of(t.method()), t.calendar(), t.schedule(), p, LocalDate.now(MEXICO));
    }

    String status(BigDecimal value, BigDecimal expected) {
        return Expectation.status(value, expected, thresholds).name();
    }

    /**
     * The rolled-up value of the target over the units in {@code values}, with the method and components as the plan
     * that applies to {@code orgUnit} defines them (so parts of a unit's subtree combine to the unit's value).
     */
    BigDecimal value(Catalog.Target t, String orgUnit, Period p, Map<String, Map<String, MonthValues>> values) {
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
        return Aggregation.plain(Aggregation.rolledUp(t.indicator(), defs, p));
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
        var perUnit = reads.caseCounts(catalog.subtree(orgUnit), year, byIndicator.values());
        byIndicator.forEach((indicator, metric) -> {
            Map<String, MonthValues> units = new HashMap<>();
            perUnit.forEach((unit, counts) -> units.put(unit, counts.monthValues(metric)));
            values.put(indicator, units);
        });
    }

    /** 400 without a unit, 404 for a unit the catalog does not know. */
    void requireKnownUnit(String orgUnit) {
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ProblemException.badRequest("Indique la unidad en 'orgUnit' (clave INEGI, p. ej. 10005 o 10 para el estado).");
        }
        if (catalog.unit(orgUnit).isEmpty()) {
            throw ProblemException.notFound("La unidad '" + orgUnit + "' no existe.");
        }
    }

    static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
