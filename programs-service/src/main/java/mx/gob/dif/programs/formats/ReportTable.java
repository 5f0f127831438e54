package mx.gob.dif.programs.formats;

import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the CSV and the workbook readers of activity reports share: the header read by name
 * ({@link ReportColumn}), each row's cells trimmed and checked against the cell limit, blank rows
 * skipped, the row limit, and every problem collected with its row and column, so one answer lists
 * them all. Whether the values are valid reports is the activity validation's business, not this.
 */
final class ReportTable {
    private final int maxRows;
    private final int maxCell;
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final List<ReportRow> rows = new ArrayList<>();
    /** The header's column at each position; null for a position with a blank header. */
    private final List<ReportColumn> columns = new ArrayList<>();

    ReportTable(int maxRows, int maxCell) {
        this.maxRows = maxRows;
        this.maxCell = maxCell;
    }

    /** Reads the header (row 1); a header without the required columns, or with unknown or repeated ones, is a 422. */
    void header(List<String> cells) {
        Set<ReportColumn> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i) == null ? "" : cells.get(i).trim();
            ReportColumn c = h.isEmpty() ? null : ReportColumn.ofHeader(h).orElse(null);
            if (!h.isEmpty() && c == null) {
                errors.add(Problem.FieldError.atCell(1, Cells.columnLetter(i), "Columna desconocida '" + shown(h) + "' (columna "
                        + Cells.columnLetter(i) + "). " + expected()));
            } else if (c != null && !seen.add(c)) {
                errors.add(Problem.FieldError.atCell(1, c.header(), "La columna '" + c.header() + "' aparece dos veces en el encabezado."));
                c = null;
            }
            columns.add(c);
        }
        for (ReportColumn c : ReportColumn.values()) {
            if (c.required() && !seen.contains(c)) {
                errors.add(Problem.FieldError.atCell(1, c.header(), "Falta la columna '" + c.header() + "' en el encabezado (fila 1). "
                        + expected()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El encabezado del archivo no es el esperado; no se guardó nada. " + expected(), errors);
        }
    }

    /** Reads one row after the header; {@code row} is 1-based as a spreadsheet shows it. */
    void row(int row, List<String> cells) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (rows.size() == maxRows) {
            throw new ProblemException(413, "Archivo demasiado grande", "El archivo tiene más de " + maxRows
                    + " filas de reportes; el máximo por archivo es " + maxRows + " (el mismo que por solicitud). "
                    + "Divídalo en archivos de hasta " + maxRows + " filas.");
        }
        Map<ReportColumn, String> values = new EnumMap<>(ReportColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i) == null ? "" : cells.get(i).trim();
            ReportColumn c = i < columns.size() ? columns.get(i) : null;
            if (v.isEmpty()) {
                continue;
            }
            if (c == null) {
                errors.add(Problem.FieldError.atCell(row, Cells.columnLetter(i), "La columna " + Cells.columnLetter(i)
                        + " no tiene encabezado pero esta fila tiene un valor en ella; bórrelo o muévalo a su columna."));
            } else if (v.length() > maxCell) {
                errors.add(Problem.FieldError.atCell(row, c.header(), "La celda tiene " + v.length() + " caracteres; el máximo es "
                        + maxCell + "."));
            } else {
                values.put(c, v);
            }
        }
        rows.add(new ReportRow(row, values));
    }

    /** A problem found by a reader in one cell (a formula with an error, for instance). */
    void error(int row, int position, String message) {
        ReportColumn c = position < columns.size() ? columns.get(position) : null;
        errors.add(Problem.FieldError.atCell(row, c == null ? Cells.columnLetter(position) : c.header(), message));
    }

    /** The rows read; a 422 naming every problem found, or when there is no report at all. */
    List<ReportRow> rows() {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El archivo tiene " + errors.size() + " error(es) en sus celdas; no se guardó nada. "
                    + "Corrija las celdas indicadas y vuelva a subir el archivo completo.", errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("El archivo no tiene reportes: debajo del encabezado no hay ninguna fila con datos.",
                    List.of());
        }
        return List.copyOf(rows);
    }

    static String expected() {
        return "Las columnas son: " + String.join(", ", ReportColumn.HEADERS) + " (id y nota son opcionales).";
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
