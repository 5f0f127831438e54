package mx.gob.dif.common.csv;

import org.apache.commons.csv.CSVFormat;

/**
 * What every CSV the platform writes shares: RFC 4180 with CRLF (Commons CSV's {@link CSVFormat#RFC4180}),
 * and text cells that cannot run as a formula when a person opens the file in a spreadsheet.
 */
public final class CsvCells {
    /** The one CSV dialect of the platform's exports and imports. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvCells() {
    }

    /**
     * A text cell safe to open in a spreadsheet: one starting with {@code = + - @}, a tab or a carriage
     * return gets a leading apostrophe, so it is shown as text instead of being evaluated (OWASP's
     * CSV-injection advice). Numbers are written as numbers, not through here.
     */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
