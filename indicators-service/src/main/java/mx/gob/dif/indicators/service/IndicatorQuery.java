package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.indicators.api.ClosingReport;
import mx.gob.dif.indicators.api.Completeness;
import mx.gob.dif.indicators.api.IndicatorBreakdown;
import mx.gob.dif.indicators.api.IndicatorValue;
import mx.gob.dif.indicators.api.OutcomeGoalValue;
import mx.gob.dif.indicators.api.ProcedureReport;
import mx.gob.dif.indicators.api.ProgramBreakdown;
import mx.gob.dif.indicators.api.ProgramProgress;

import java.util.List;

/**
 * What a caller may read: every answer is for a unit within the caller's reach (the unit and those
 * below it), checked here before anything is read (403 naming both units), then computed by
 * {@link IndicatorValues}, {@link ProgramReports}, {@link OutcomeGoals}, {@link Procedures}, {@link Breakdowns} and {@link ReportingCycle}.
 * A missing unit is their 400, an unknown one their 404.
 */
@ApplicationScoped
public class IndicatorQuery {
    private final CurrentUser caller;
    private final IndicatorValues values;
    private final ProgramReports programs;
    private final OutcomeGoals goals;
    private final Procedures procedures;
    private final Breakdowns breakdowns;
    private final ReportingCycle cycle;

    public IndicatorQuery(CurrentUser caller, IndicatorValues values, ProgramReports programs, OutcomeGoals goals,
                          Procedures procedures, Breakdowns breakdowns, ReportingCycle cycle) {
        this.breakdowns = breakdowns;
        this.cycle = cycle;
        this.caller = caller;
        this.values = values;
        this.programs = programs;
        this.goals = goals;
        this.procedures = procedures;
    }

    public IndicatorValue indicator(String code, String orgUnit, String period) {
        inScope(orgUnit);
        return values.indicator(code, orgUnit, period);
    }

    public IndicatorBreakdown breakdown(String code, String orgUnit, String period) {
        inScope(orgUnit);
        return breakdowns.indicator(code, orgUnit, period);
    }

    public ProgramBreakdown programBreakdown(String program, String orgUnit, String period) {
        inScope(orgUnit);
        return breakdowns.program(program, orgUnit, period);
    }

    public Completeness completeness(String orgUnit, String period) {
        inScope(orgUnit);
        return cycle.completeness(orgUnit, period);
    }

    public ProgramProgress programProgress(String program, String orgUnit, String period) {
        inScope(orgUnit);
        return programs.progress(program, orgUnit, period);
    }

    public List<OutcomeGoalValue> outcomeGoals(String orgUnit, Integer fiscalYear, String program) {
        inScope(orgUnit);
        return goals.list(orgUnit, fiscalYear, program);
    }

    public OutcomeGoalValue outcomeGoal(String code, String orgUnit, String period) {
        inScope(orgUnit);
        return goals.one(code, orgUnit, period);
    }

    public ClosingReport closing(String orgUnit, Integer fiscalYear) {
        if (fiscalYear == null) {
            throw ProblemException.badRequest("Indique el año fiscal en 'fiscalYear', p. ej. ?orgUnit=10&fiscalYear=2021.");
        }
        inScope(orgUnit);
        return programs.closing(orgUnit, fiscalYear);
    }

    public ProcedureReport procedure(String orgUnit, String period) {
        inScope(orgUnit);
        return procedures.procedure(orgUnit, period);
    }

    /** A unit outside the caller's reach is refused before anything is read. */
    private void inScope(String orgUnit) {
        if (orgUnit != null && !orgUnit.isBlank()) {
            caller.requireUnit(orgUnit.trim());
        }
    }
}
