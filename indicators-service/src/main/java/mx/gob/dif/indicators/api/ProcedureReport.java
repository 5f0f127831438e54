package mx.gob.dif.indicators.api;

import mx.gob.dif.indicators.domain.ProcedureIndicators;

/** The performance indicators of procedure PDG-02 for a unit (its subtree summed) over a period, and the plain case counts. */
public record ProcedureReport(String procedure, String orgUnit, String orgUnitName, String period,
                              ProcedureIndicators.Ratio referralLetters, ProcedureIndicators.Ratio followUpReportsOnTime,
                              ProcedureIndicators.Ratio monthlyReportsOnTime, int monthsDue, int reportingUnits,
                              Counts counts, String asOf) {

    /** Every case metric summed over the period's months (domain CaseMetric, in camel case). */
    public record Counts(long casesAttended, long casesEnrolled, long casesReferred, long referralLettersIssued,
                         long followUpReportsRequested, long followUpReportsDelivered, long followUpReportsOnTime,
                         long monthlyReportsDelivered, long monthlyReportsOnTime, long interventions) {
    }
}
