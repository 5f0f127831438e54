package mx.gob.dif.programs.activity;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.programs.formats.ReportColumn;
import mx.gob.dif.programs.formats.ReportCsvReader;
import mx.gob.dif.programs.formats.ReportRow;
import mx.gob.dif.programs.formats.ReportWorkbookReader;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Activity reports sent as a file (CSV or XLSX, {@link ReportColumn}): each row becomes the same
 * {@link ReportInput} a JSON item does and goes through {@link ActivityService#accept}, so validation,
 * the all-or-nothing rule and the resend rule for client ids are the JSON path's own. Only the way a
 * problem is named changes: a row and a column of the file instead of an index and a field.
 */
@ApplicationScoped
public class ActivityFiles {
    /** No cell holds more than the longest field of a report, the note. */
    static final int MAX_CELL = ReportValidator.MAX_NOTE;

    private final ActivityService activities;

    public ActivityFiles(ActivityService activities) {
        this.activities = activities;
    }

    public ReportsAccepted acceptCsv(byte[] body) {
        return accept(ReportCsvReader.read(body, ActivityService.MAX_BATCH, MAX_CELL));
    }

    public ReportsAccepted acceptXlsx(byte[] body) {
        return accept(ReportWorkbookReader.read(body, ActivityService.MAX_BATCH, MAX_CELL));
    }

    private ReportsAccepted accept(List<ReportRow> rows) {
        try {
            return activities.accept(rows.stream().map(ActivityFiles::input).toList());
        } catch (ProblemException e) {
            throw located(e, rows);
        }
    }

    /** A row as the JSON reader would have read it: a quantity that is not a number is a quantity of the wrong type. */
    static ReportInput input(ReportRow row) {
        String quantity = row.get(ReportColumn.QUANTITY);
        BigDecimal q = number(quantity);
        ActivityReport r = new ActivityReport(row.get(ReportColumn.ID), row.get(ReportColumn.INDICATOR), row.get(ReportColumn.ORG_UNIT),
                row.get(ReportColumn.DATE), q, row.get(ReportColumn.NOTE));
        return quantity != null && q == null ? new ReportInput(r, Map.of("quantity", ReportValidator.quoted(quantity)))
                : ReportInput.of(r);
    }

    private static BigDecimal number(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The same problem with every item's error at its row and column of the file, and a detail that speaks of rows. */
    private static ProblemException located(ProblemException e, List<ReportRow> rows) {
        if (e.errors().isEmpty()) {
            return e;
        }
        List<Problem.FieldError> errors = e.errors().stream().map(f -> f.index() == null ? f : Problem.FieldError.atCell(
                rows.get(f.index()).row(), ReportColumn.ofField(f.field()).map(ReportColumn::header).orElse(f.field()), f.message())).toList();
        String detail = e.status() != 422 ? e.getMessage() : errors.stream().map(Problem.FieldError::row).distinct().count()
                + " de " + rows.size() + " fila(s) del archivo tienen errores; no se registró ningún reporte del archivo. "
                + "Corrija las filas indicadas y vuelva a subir el archivo completo.";
        return new ProblemException(e.status(), e.title(), detail, errors);
    }
}
