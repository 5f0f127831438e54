package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.indicators.api.ProcedureReport;
import mx.gob.dif.indicators.domain.CaseCounts;
import mx.gob.dif.indicators.domain.CaseMetric;
import mx.gob.dif.indicators.domain.Period;
import mx.gob.dif.indicators.domain.ProcedureIndicators;
import mx.gob.dif.indicators.persistence.MonthValueReads;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** Procedure PDG-02's performance indicators from the case counts. */
@ApplicationScoped
public class Procedures {
    private final Catalog catalog;
    private final IndicatorValues values;
    private final MonthValueReads reads;

    public Procedures(Catalog catalog, IndicatorValues values, MonthValueReads reads) {
        this.catalog = catalog;
        this.values = values;
        this.reads = reads;
    }

    /**
     * The performance indicators of procedure PDG-02 for a unit (its subtree summed) over a period.
     * Monthly reports are due from every unit of the subtree that has case events in the year (at
     * least one: the unit asked for).
     */
    public ProcedureReport procedure(String orgUnit, String periodText) {
        Period p = IndicatorValues.period(periodText);
        values.requireKnownUnit(orgUnit);
        Map<String, CaseCounts> perUnit = reads.caseCounts(catalog.subtree(orgUnit), p.year(), null);
        ProcedureIndicators.Result r = ProcedureIndicators.compute(perUnit.values(), p, LocalDate.now(IndicatorValues.MEXICO));
        Map<CaseMetric, Long> c = r.counts();
        ProcedureReport.Counts counts = new ProcedureReport.Counts(c.get(CaseMetric.CASES_ATTENDED), c.get(CaseMetric.CASES_ENROLLED),
                c.get(CaseMetric.CASES_REFERRED), c.get(CaseMetric.REFERRAL_LETTERS_ISSUED), c.get(CaseMetric.FOLLOW_UP_REPORTS_REQUESTED),
                c.get(CaseMetric.FOLLOW_UP_REPORTS_DELIVERED), c.get(CaseMetric.FOLLOW_UP_REPORTS_ON_TIME),
                c.get(CaseMetric.MONTHLY_REPORTS_DELIVERED), c.get(CaseMetric.MONTHLY_REPORTS_ON_TIME), c.get(CaseMetric.INTERVENTIONS));
        return new ProcedureReport(ProcedureIndicators.PROCEDURE, orgUnit, catalog.unit(orgUnit).map(Catalog.Unit::name).orElse(orgUnit),
                p.label(), r.referralLetters(), r.followUpReportsOnTime(), r.monthlyReportsOnTime(), r.monthsDue(), r.reportingUnits(),
                counts, OffsetDateTime.now().toString());
    }
}
