package mx.gob.dif.programs.formats;

import java.util.Map;

/**
 * One report as read from a file, every cell as text (null when empty): {@code row} is the row as a
 * spreadsheet shows it (the header is row 1).
 */
public record ReportRow(int row, Map<ReportColumn, String> cells) {
    public ReportRow {
        cells = Map.copyOf(cells);
    }

    public String get(ReportColumn column) {
        return cells.get(column);
    }
}
