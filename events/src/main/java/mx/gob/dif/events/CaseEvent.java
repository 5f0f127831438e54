package mx.gob.dif.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * Something happened in a beneficiary case, told without personal data: the case is named by a
 * pseudonymous id (never the database id a person could be looked up by outside cases-service),
 * the person only by age band and sex. Keyed by {@code caseRef} so one case stays in order.
 *
 * <p>{@code change} says what happened ({@link Change}); {@code status} is the case status after
 * it. Fields that do not apply to a change are null. {@code date} is the business date the change
 * counts for (the month an indicator puts it in); {@code dueDate}/{@code onTime} are set for
 * follow-up reports and monthly reports.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(
        String caseRef,
        String orgUnit,
        String change,
        String status,
        String category,
        String origin,
        String programCode,
        String agencyId,
        String referralRef,
        String ageBand,
        String sex,
        LocalDate date,
        LocalDate dueDate,
        Boolean onTime,
        String outcome) {

    /** What a case event reports. Indicators-service counts these per org unit and month. */
    public enum Change {
        /** A request for support was taken in: one case attended. */
        RECEIVED,
        /** The case moved to another status ({@code status} says which). */
        STATUS_CHANGED,
        ENROLLED,
        /** A referral to an agency was decided: one referral letter is requested. */
        REFERRED,
        /** The referral letter (Solicitud de Gestión) was written: one letter issued. */
        REFERRAL_LETTER_ISSUED,
        /** The agency's answer or the sender changed the referral ({@code outcome} when completed). */
        REFERRAL_STATUS_CHANGED,
        /** An office asked for the case's follow-up report, due {@code dueDate}. */
        FOLLOW_UP_REQUESTED,
        /** The follow-up report was delivered ({@code onTime} against {@code dueDate}). */
        FOLLOW_UP_DELIVERED,
        INTERVENTION_RECORDED,
        /** The unit's monthly report for the month of {@code date} was delivered ({@code onTime}). */
        MONTHLY_REPORT_DELIVERED
    }

    public String key() {
        return caseRef != null ? caseRef : orgUnit;
    }
}
