package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.indicators.api.OutcomeGoalValue;
import mx.gob.dif.indicators.domain.Aggregation;
import mx.gob.dif.indicators.domain.CaseCounts;
import mx.gob.dif.indicators.domain.CaseMetric;
import mx.gob.dif.indicators.domain.Expectation;
import mx.gob.dif.indicators.domain.MonthValues;
import mx.gob.dif.indicators.domain.OutcomeRatio;
import mx.gob.dif.indicators.domain.Period;
import mx.gob.dif.indicators.persistence.MonthValueReads;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Outcome goals (metas de intervención): numerator / denominator × 100 of the unit's rolled-up values. */
@ApplicationScoped
public class OutcomeGoals {
    private final Catalog catalog;
    private final IndicatorValues values;
    private final MonthValueReads reads;

    public OutcomeGoals(Catalog catalog, IndicatorValues values, MonthValueReads reads) {
        this.catalog = catalog;
        this.values = values;
        this.reads = reads;
    }

    /** The outcome goals that apply to a unit in a year (optionally of one program), with their ratios over the whole year. */
    public List<OutcomeGoalValue> list(String orgUnit, Integer fiscalYear, String program) {
        values.requireKnownUnit(orgUnit);
        if (fiscalYear == null) {
            throw ProblemException.badRequest("Indique el año fiscal en 'fiscalYear', p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
        Period p = IndicatorValues.period(Integer.toString(fiscalYear));
        List<Catalog.Goal> goals = catalog.goalsFor(orgUnit, p.year()).stream()
                .filter(g -> program == null || program.isBlank() || g.programCode().equals(program)).toList();
        if (goals.isEmpty()) {
            return List.of();
        }
        return of(goals, orgUnit, p, null);
    }

    public OutcomeGoalValue one(String code, String orgUnit, String periodText) {
        Period p = IndicatorValues.period(periodText);
        values.requireKnownUnit(orgUnit);
        Catalog.Goal g = catalog.goalsFor(orgUnit, p.year()).stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("La meta de intervención '" + code + "' no está en el plan " + p.year()
                        + " que aplica a la unidad " + orgUnit + "."));
        return of(List.of(g), orgUnit, p, null).get(0);
    }

    /**
     * The goals' values for a unit and period; {@code monthValues} when the caller already read the
     * unit's month values of the year (program progress), else they are read here.
     */
    List<OutcomeGoalValue> of(List<Catalog.Goal> goals, String orgUnit, Period p, Map<String, Map<String, MonthValues>> monthValues) {
        if (goals.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, MonthValues>> v = monthValues;
        if (v == null && goals.stream().anyMatch(g -> isIndicator(g.numerator()) || isIndicator(g.denominator()))) {
            v = values.allValues(orgUnit, p.year(), catalog.targetsFor(orgUnit, p.year()));
        }
        Map<String, CaseCounts> counts = goals.stream().anyMatch(g -> isMetric(g.numerator()) || isMetric(g.denominator()))
                ? reads.caseCounts(catalog.subtree(orgUnit), p.year(), null) : Map.of();
        String asOf = OffsetDateTime.now().toString();
        List<OutcomeGoalValue> out = new ArrayList<>();
        for (Catalog.Goal g : goals) {
            OutcomeGoalValue.Side num = side(g.numerator(), orgUnit, p, v, counts);
            OutcomeGoalValue.Side den = side(g.denominator(), orgUnit, p, v, counts);
            BigDecimal ratio = num == null || den == null ? null : OutcomeRatio.ratio(num.value(), den.value());
            Expectation.Status status = OutcomeRatio.status(ratio, g.targetPercent(), values.thresholds());
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

    private OutcomeGoalValue.Side side(Catalog.Side s, String orgUnit, Period p, Map<String, Map<String, MonthValues>> monthValues,
                                       Map<String, CaseCounts> counts) {
        if (s == null) {
            return null;
        }
        if (s.caseMetric() != null) {
            CaseMetric m = CaseMetric.ofTarget(s.caseMetric());
            long n = counts.values().stream().mapToLong(c -> c.sum(m, p.firstMonth(), p.lastMonth())).sum();
            return new OutcomeGoalValue.Side(new OutcomeGoalValue.Ref(null, s.caseMetric()), BigDecimal.valueOf(n));
        }
        BigDecimal value = catalog.target(s.indicator(), orgUnit, p.year())
                .map(t -> values.evaluate(t, orgUnit, p, monthValues).value()).orElse(null);
        return new OutcomeGoalValue.Side(new OutcomeGoalValue.Ref(s.indicator(), null), value);
    }
}
