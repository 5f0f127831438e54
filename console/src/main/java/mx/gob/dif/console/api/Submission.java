package mx.gob.dif.console.api;

/** A unit's reporting month ({@code /api/v1/reporting/{orgUnit}/{month}/submission}): OPEN, SUBMITTED, ACCEPTED, RETURNED or REOPENED. */
public record Submission(String orgUnit, String month, String status, boolean locked, String updatedAt, String updatedBy) {
}
