package mx.gob.dif.console.operator;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.console.api.ApiException;
import mx.gob.dif.console.api.ProgramsApi;
import mx.gob.dif.console.api.ReportsAccepted;
import mx.gob.dif.console.web.Notice;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's monthly report: the grid of a month, and sending a filled grid as one batch to
 * {@code POST /api/v1/activities} (all of it stored, or nothing and the reasons beside the cells).
 */
@ApplicationScoped
public class MonthlyReport {
    private final UnitPlan plan;
    private final ProgramsApi programs;
    private final Clock clock;

    public MonthlyReport(UnitPlan plan, @RestClient ProgramsApi programs, Clock clock) {
        this.plan = plan;
        this.programs = programs;
        this.clock = clock;
    }

    /** The month's grid with an empty cell and a fresh report id per target. */
    public ReportGrid grid(String orgUnit, ReportMonth month) {
        return ReportGrid.of(month.toString(), plan.progress(orgUnit, month.year(), month.toString()), UUID::randomUUID);
    }

    /** What came of sending a grid: the reports accepted, or the grid again with why it was refused. */
    public record Outcome(ReportsAccepted accepted, ReportGrid grid, Notice notice, int status) {
        public boolean sent() {
            return accepted != null;
        }
    }

    public Outcome send(String orgUnit, ReportMonth month, Map<String, String> form) {
        ReportGrid grid = grid(orgUnit, month).filledFrom(form);
        ReportGrid.Reports reports = grid.reports(orgUnit, month.reportDate(LocalDate.now(clock)));
        if (reports.grid().errorCount() > 0) {
            return new Outcome(null, reports.grid(), Notice.error("Nada se envió: corrija las cantidades marcadas."), 422);
        }
        if (reports.toSend().isEmpty()) {
            return new Outcome(null, grid, Notice.info("No escribió ninguna cantidad: no hay nada que enviar."), 400);
        }
        try {
            return new Outcome(programs.report(reports.toSend()), grid, null, 202);
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 403 || e.status() >= 500) {
                throw e; // not about the cells: the error page (or a new sign-in) says what happened
            }
            return new Outcome(null, grid.withApiErrors(reports.toSend(), e.errors()),
                    Notice.error("Nada se guardó. " + e.detail()), e.status());
        }
    }
}
