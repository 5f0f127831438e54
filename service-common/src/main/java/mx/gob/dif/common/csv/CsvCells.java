package mx.gob.dif.common.csv;

import mx.gob.dif.common.rest.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every CSV the platform writes shares: RFC 4180 with CRLF (Commons CSV's {@link CSVFormat#RFC4180}),
 * and text cells that cannot run as a formula when a person opens the file in a spreadsheet.
 */
public final class CsvCells {
    /** The one CSV dialect of the platform's exports and imports. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final char BOM = '\uFEFF';

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

    /**
     * Every record of a CSV file's text as its cells, a leading byte-order mark dropped. A file Commons CSV cannot
     * parse (a quote left open, text after a closing quote) is a 400 naming the line to look at.
     */
    public static List<List<String>> records(String text) {
        String csv = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        try (CSVParser parser = FORMAT.parse(new StringReader(csv))) {
            List<List<String>> rows = new ArrayList<>();
            try {
                parser.forEach(record -> rows.add(record.toList()));
            } catch (UncheckedIOException | IllegalStateException e) {
                throw ProblemException.badRequest("El archivo no es un CSV válido: revise las comillas cerca de la línea "
                        + parser.getCurrentLineNumber() + " (un campo entre comillas debe cerrarlas antes de la coma, y una "
                        + "comilla dentro de él se escribe doble: \"\").");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: not expected
        }
    }
}
