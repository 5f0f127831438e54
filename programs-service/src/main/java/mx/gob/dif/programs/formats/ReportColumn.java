package mx.gob.dif.programs.formats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an activity-report file (CSV, or the workbook's sheet {@value #SHEET}): one
 * report per row, the fields of the JSON report under Spanish headers in the platform's spreadsheet
 * style (lower case, underscores, as the plan's {@code programado_ene} or {@code metrica_casos}).
 * {@code id} and {@code nota} are optional, and the columns may come in any order.
 */
public enum ReportColumn {
    ID("id", "id", false),
    INDICATOR("indicador", "indicator", true),
    ORG_UNIT("clave_unidad", "orgUnit", true),
    DATE("fecha", "date", true),
    QUANTITY("cantidad", "quantity", true),
    NOTE("nota", "note", false);

    /** The workbook's sheet of reports (when a workbook has none by that name, its first sheet is read). */
    public static final String SHEET = "Reportes";
    static final List<String> HEADERS = Arrays.stream(values()).map(ReportColumn::header).toList();

    private final String header;
    private final String field;
    private final boolean required;

    ReportColumn(String header, String field, boolean required) {
        this.header = header;
        this.field = field;
        this.required = required;
    }

    /** The column's header in the file. */
    public String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    /** The column of a header (case and surrounding spaces ignored). */
    static Optional<ReportColumn> ofHeader(String text) {
        String h = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(h)).findFirst();
    }

    /** The column holding a field of the JSON report ({@code quantity} → {@code cantidad}); empty for no such field. */
    public static Optional<ReportColumn> ofField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }
}
