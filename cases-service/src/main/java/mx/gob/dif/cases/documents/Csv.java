package mx.gob.dif.cases.documents;

import mx.gob.dif.common.csv.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents' CSV files, written and read with Apache Commons CSV in the platform's dialect
 * ({@link CsvCells#FORMAT}: RFC 4180, CRLF).
 *
 * <p>Written files start with a UTF-8 byte-order mark (so Excel detects UTF-8 and shows accents
 * right). Reading accepts files with or without the mark, with CRLF or LF, and with ';' as separator
 * when the header line uses it (Excel in some locales saves that way).
 */
final class Csv {

    static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** A parsed record and the 1-based number of the record in the file (the header is record 1). */
    record Line(int number, List<String> cells) {
        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** Thrown for a file that is not valid CSV (a quoted field that never ends, text after a closing quote). */
    static final class FormatException extends Exception {
        private final int line;

        FormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /**
     * The header and the rows as a UTF-8 file with its byte-order mark; a {@code null} cell is an
     * empty field. Text cells must already be safe to open in a spreadsheet ({@link CsvCells#safe}).
     */
    static byte[] write(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CsvCells.FORMAT)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@link CsvCells#safe} for a file that is read back (the agency directory): a value that already
     * starts with an apostrophe gets one more, so {@link #unguard} restores every value exactly.
     */
    static String guard(String value) {
        return value != null && value.startsWith("'") ? "'" + value : CsvCells.safe(value);
    }

    /** Inverse of {@link #guard}: drops one leading apostrophe. */
    static String unguard(String value) {
        return value != null && value.startsWith("'") ? value.substring(1) : value;
    }

    static List<Line> parse(String text) throws FormatException {
        String content = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        CSVFormat format = CsvCells.FORMAT.builder().setDelimiter(separator(content)).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(content, format)) {
            for (CSVRecord record : parser) {
                lines.add(new Line((int) record.getRecordNumber(), record.toList()));
            }
        } catch (UncheckedIOException | IOException e) {
            // Commons CSV says which of its two refusals it was only in its (English) message
            String reason = String.valueOf(e.getMessage()).contains("EOF reached before encapsulated token finished")
                    ? "Hay un campo entre comillas que no se cierra." : "Hay texto después de unas comillas de cierre.";
            throw new FormatException(lines.size() + 1, reason);
        }
        return lines;
    }

    /** ';' when the header line, read with ',', is one field holding semicolons; ',' otherwise. */
    private static char separator(String content) {
        try (CSVParser parser = CSVParser.parse(content, CsvCells.FORMAT)) {
            var first = parser.iterator();
            if (first.hasNext()) {
                List<String> header = first.next().toList();
                return header.size() == 1 && header.getFirst().contains(";") ? ';' : ',';
            }
        } catch (UncheckedIOException | IOException e) {
            // a broken header is reported by the real parse
        }
        return ',';
    }
}
