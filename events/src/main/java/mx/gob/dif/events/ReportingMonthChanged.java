package mx.gob.dif.events;

import java.time.OffsetDateTime;

/**
 * The latest state of one org unit's month in the reporting cycle (data approval). Keyed {@code orgUnit|month} on the
 * compacted topic {@link Topics#REPORTING_MONTHS}. {@code month} is {@code YYYY-MM}; {@code status} one of
 * {@link #STATUSES}: SUBMITTED (the unit says the month is complete), ACCEPTED (a state role approved it: reports and
 * retractions dated in it are refused), RETURNED (sent back with a reason), REOPENED (an accepted month opened again by
 * a state administrator). The reasons people type stay in programs-service: they are free text and may mention people.
 */
public record ReportingMonthChanged(
        String orgUnit,
        String month,
        String status,
        OffsetDateTime at) {

    public static final java.util.List<String> STATUSES = java.util.List.of("SUBMITTED", "ACCEPTED", "RETURNED", "REOPENED");

    public String key() {
        return orgUnit + "|" + month;
    }
}
