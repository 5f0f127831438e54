package mx.gob.dif.indicators.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The counts kept from case events, per org unit and month (the month of the event's business
 * {@code date}). The first six names are also the {@code caseMetric} a target may be counted from
 * (TargetChanged.CASE_METRICS); the others feed the procedure's own performance indicators (PDG-02).
 */
public enum CaseMetric {
    /** RECEIVED: a request for support was taken in. */
    CASES_ATTENDED,
    CASES_ENROLLED,
    /** REFERRED: a referral was decided, i.e. one referral letter (Solicitud de Gestión) requested. */
    CASES_REFERRED,
    REFERRAL_LETTERS_ISSUED,
    /** FOLLOW_UP_REQUESTED, in the month of the request. */
    FOLLOW_UP_REPORTS_REQUESTED,
    FOLLOW_UP_REPORTS_DELIVERED,
    FOLLOW_UP_REPORTS_ON_TIME,
    MONTHLY_REPORTS_DELIVERED,
    MONTHLY_REPORTS_ON_TIME,
    INTERVENTIONS;

    /** The metrics a target's {@code caseMetric} may name. */
    public static final List<CaseMetric> TARGET_METRICS = List.of(CASES_ATTENDED, CASES_ENROLLED, CASES_REFERRED,
            REFERRAL_LETTERS_ISSUED, FOLLOW_UP_REPORTS_DELIVERED, INTERVENTIONS);

    /**
     * What one case event adds to the counts: nothing for a change that is not counted (a status or
     * referral-status change). A delivered follow-up or monthly report counts as on time when the event
     * says so; when it does not say, when it was delivered ({@code date}) no later than {@code dueDate}.
     *
     * @throws IllegalArgumentException for a change name that does not exist
     */
    public static List<CaseMetric> counted(String change, Boolean onTime, LocalDate date, LocalDate dueDate) {
        if (change == null) {
            throw new IllegalArgumentException("missing change");
        }
        return switch (change) {
            case "RECEIVED" -> List.of(CASES_ATTENDED);
            case "ENROLLED" -> List.of(CASES_ENROLLED);
            case "REFERRED" -> List.of(CASES_REFERRED);
            case "REFERRAL_LETTER_ISSUED" -> List.of(REFERRAL_LETTERS_ISSUED);
            case "FOLLOW_UP_REQUESTED" -> List.of(FOLLOW_UP_REPORTS_REQUESTED);
            case "FOLLOW_UP_DELIVERED" -> onTime(onTime, date, dueDate)
                    ? List.of(FOLLOW_UP_REPORTS_DELIVERED, FOLLOW_UP_REPORTS_ON_TIME) : List.of(FOLLOW_UP_REPORTS_DELIVERED);
            case "MONTHLY_REPORT_DELIVERED" -> onTime(onTime, date, dueDate)
                    ? List.of(MONTHLY_REPORTS_DELIVERED, MONTHLY_REPORTS_ON_TIME) : List.of(MONTHLY_REPORTS_DELIVERED);
            case "INTERVENTION_RECORDED" -> List.of(INTERVENTIONS);
            case "STATUS_CHANGED", "REFERRAL_STATUS_CHANGED" -> List.of();
            default -> throw new IllegalArgumentException("unknown change " + change);
        };
    }

    private static boolean onTime(Boolean onTime, LocalDate date, LocalDate dueDate) {
        if (onTime != null) {
            return onTime;
        }
        return date != null && dueDate != null && !date.isAfter(dueDate);
    }

    /** The metric a target names, or null for an ordinary target. @throws IllegalArgumentException when not one of {@link #TARGET_METRICS} */
    public static CaseMetric ofTarget(String caseMetric) {
        if (caseMetric == null || caseMetric.isBlank()) {
            return null;
        }
        for (CaseMetric m : TARGET_METRICS) {
            if (m.name().equals(caseMetric)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown caseMetric " + caseMetric);
    }
}
