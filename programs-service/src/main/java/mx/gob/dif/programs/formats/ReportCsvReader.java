package mx.gob.dif.programs.formats;

import mx.gob.dif.common.csv.CsvCells;
import mx.gob.dif.common.rest.ProblemException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a CSV of activity reports ({@link ReportColumn}) in the platform's one dialect
 * ({@link CsvCells#FORMAT}, commas). UTF-8 with or without a BOM; a file that is not UTF-8 is read as
 * Windows-1252, the encoding a spreadsheet on an office PC in Mexico saves "CSV" in. Text cells lose the
 * formula guard's apostrophe ({@link CsvText#read}), so a file the platform wrote reads back unchanged.
 */
public final class ReportCsvReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ReportCsvReader() {
    }

    /** The rows of the file; 400 when it is not a CSV, 422 naming every bad cell, 413 over {@code maxRows} rows. */
    public static List<ReportRow> read(byte[] body, int maxRows, int maxCell) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("El archivo está vacío: descargue la plantilla, escriba sus reportes y súbala.");
        }
        if (body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
            throw ProblemException.badRequest("El archivo es una hoja de cálculo (XLSX), no un CSV: súbalo como XLSX o guárdelo "
                    + "como «CSV UTF-8 (delimitado por comas)».");
        }
        String text = decode(body);
        if (text.indexOf('\0') >= 0) {
            throw ProblemException.badRequest("El archivo no es un CSV de texto. Guárdelo desde su hoja de cálculo como "
                    + "«CSV UTF-8 (delimitado por comas)», o súbalo como XLSX.");
        }
        List<List<String>> records = CsvCells.records(text);
        if (records.isEmpty()) {
            throw ProblemException.badRequest("El archivo está vacío: descargue la plantilla, escriba sus reportes y súbala.");
        }
        ReportTable table = new ReportTable(maxRows, maxCell);
        List<String> header = records.get(0).stream().map(CsvText::read).toList();
        checkDelimiter(header);
        table.header(header);
        for (int r = 1; r < records.size(); r++) {
            table.row(r + 1, records.get(r).stream().map(CsvText::read).toList());
        }
        return table.rows();
    }

    /** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (which reads any byte). */
    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, WINDOWS_1252);
        }
    }

    /** A header read as one cell holding ';' or tabs: the file was saved with another separator, say so. */
    private static void checkDelimiter(List<String> header) {
        if (header.size() != 1) {
            return;
        }
        String h = header.get(0);
        String other = h.contains(";") ? "punto y coma (;)" : h.contains("\t") ? "tabuladores" : null;
        if (other != null) {
            throw ProblemException.badRequest("El archivo separa las columnas con " + other + "; la plataforma lee CSV separado "
                    + "por comas. Guárdelo desde su hoja de cálculo como «CSV UTF-8 (delimitado por comas)», o súbalo como XLSX.");
        }
    }
}
