package mx.gob.dif.cases.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV writing and reading shared by the documents.
 *
 * <p>Written files start with a UTF-8 byte-order mark (so Excel detects UTF-8 and shows accents
 * right), separate fields with commas, end records with CRLF and quote a field only when it holds a
 * comma, a quote, a line break or leading/trailing blanks. Reading accepts files with or without the
 * mark, with CRLF or LF, and with ';' as separator when the header line uses it (Excel in some
 * locales saves that way).
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

    static void appendRecord(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf(';') >= 0
                || Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Protects a text against spreadsheet formula injection: a value that a spreadsheet would run
     * as a formula (it starts with =, +, -, @, tab or carriage return) gets a leading apostrophe.
     * A value that already starts with an apostrophe gets one more, so {@link #unguard} restores
     * every value exactly.
     */
    static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r' || first == '\'';
        return risky ? "'" + value : value;
    }

    /** Inverse of {@link #guard}: drops one leading apostrophe. */
    static String unguard(String value) {
        return value != null && value.startsWith("'") ? value.substring(1) : value;
    }

    static List<Line> parse(String text) throws FormatException {
        String content = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        char separator = separator(content);
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int number = 1;
        int i = 0;
        int length = content.length();
        boolean recordStarted = false;
        while (i < length) {
            char c = content.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                int start = number;
                i++;
                boolean closed = false;
                while (i < length) {
                    char q = content.charAt(i);
                    if (q == '"') {
                        if (i + 1 < length && content.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    cell.append(q);
                    i++;
                }
                if (!closed) {
                    throw new FormatException(start, "Hay un campo entre comillas que no se cierra.");
                }
                if (i < length && content.charAt(i) != separator && content.charAt(i) != '\r'
                        && content.charAt(i) != '\n') {
                    throw new FormatException(number, "Hay texto después de unas comillas de cierre.");
                }
                recordStarted = true;
                continue;
            }
            if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                recordStarted = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(new Line(number++, List.copyOf(cells)));
                cells.clear();
                recordStarted = false;
                i += (c == '\r' && i + 1 < length && content.charAt(i + 1) == '\n') ? 2 : 1;
            } else {
                cell.append(c);
                recordStarted = true;
                i++;
            }
        }
        if (recordStarted || !cell.isEmpty()) {
            cells.add(cell.toString());
            lines.add(new Line(number, List.copyOf(cells)));
        }
        return lines;
    }

    /** ',' unless the first line, outside quotes, has semicolons and no commas. */
    private static char separator(String content) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\r' || c == '\n')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > 0 && commas == 0 ? ';' : ',';
    }
}
