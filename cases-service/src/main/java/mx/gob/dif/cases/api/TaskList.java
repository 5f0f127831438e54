package mx.gob.dif.cases.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a worker or a unit must deliver soon, and what is overdue, as of a day. */
public record TaskList(LocalDate asOf, List<Task> overdue, List<Task> upcoming) {

    /** One pending follow-up report. */
    public record Task(String type, UUID followUpRequestId, UUID caseId, String caseFolio, String office, LocalDate dueOn,
                       long daysLeft, String assignedTo) {
        public static final String FOLLOW_UP_REPORT = "FOLLOW_UP_REPORT";
    }
}
