package mx.gob.dif.events;

import java.time.LocalDate;

/**
 * A unit was due to report a month and had not submitted it when the month's deadline passed. Aggregates only: the
 * number of targets due and reported, never who reported what. Keyed {@code orgUnit|month} on
 * {@link Topics#REPORTING_OVERDUE}; integrators receive it by webhook like indicator updates.
 */
public record ReportingOverdue(
        String orgUnit,
        String month,
        LocalDate deadline,
        int targetsDue,
        int targetsReported) {

    public String key() {
        return orgUnit + "|" + month;
    }
}
