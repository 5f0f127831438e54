package mx.gob.dif.console.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The parts of cases-service's answers the case pages show (unknown fields are ignored). Case data is personal:
 * these records are rendered for the person who asked and never logged.
 */
public final class CaseRecords {
    private CaseRecords() {
    }

    /** {@code GET /tasks}: follow-up reports overdue and due soon, as of a day. */
    @TemplateData
    public record TaskList(LocalDate asOf, List<Task> overdue, List<Task> upcoming) {
    }

    @TemplateData
    public record Task(String type, UUID followUpRequestId, UUID caseId, String caseFolio, String office, LocalDate dueOn,
                       long daysLeft, String assignedTo) {
    }

    /** One case of {@code GET /cases}. */
    @TemplateData
    public record CaseItem(UUID id, String folio, String orgUnit, String category, String priority, String status,
                           String assignedWorker, LocalDate receivedOn) {
    }

    /** {@code GET /cases/{id}}: the case and what the page shows of its history, referrals and approvals. */
    @TemplateData
    public record CaseDetail(@JsonProperty("case") CaseItem supportCase, String statusLabel, List<Transition> history,
                             List<Referral> referrals, List<Approval> approvals) {
    }

    @TemplateData
    public record Transition(String fromStatus, String toStatus, OffsetDateTime at, String actor, String reason) {
    }

    @TemplateData
    public record Referral(UUID id, String agencyId, String status, String letterFolio, LocalDate letterIssuedOn) {
    }

    @TemplateData
    public record Approval(UUID id, String kind, UUID caseId, UUID referralId, String orgUnit, String reason, String status,
                           String requestedBy, OffsetDateTime requestedAt, String decidedBy, String comment) {
    }

    /** The body of {@code POST /approvals/{id}/decision}. */
    public record Decision(String decision, String comment) {
    }
}
