package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** Opening an uploaded workbook, reading its cells as text and numbers, and naming a bad cell by sheet, row and column. */
final class Cells {
    /** The plan documents' factory: decimals kept digit for digit. */
    static final JsonNodeFactory NODES = EventJson.MAPPER.getNodeFactory();

    private Cells() {
    }

    /** A cell as text (numbers without trailing zeros); null when empty or blank. */
    static String text(Row row, int col) {
        Cell c = row == null ? null : row.getCell(col);
        if (c == null) {
            return null;
        }
        String v = switch (c.getCellType()) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> new BigDecimal(Double.toString(c.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            default -> null;
        };
        return v == null || v.isBlank() ? null : v;
    }

    /** {@link #text} of a column that may be absent from the file (null column). */
    static String optionalText(Row row, Integer col) {
        return col == null ? null : text(row, col.intValue());
    }

    /**
     * A cell as a JSON number: integers as int or long, others as decimals; text that reads as a
     * number is accepted. Null when empty; null plus an error naming the cell when it is other text.
     */
    static JsonNode number(Sheet s, Row row, int col, String header, List<Problem.FieldError> errors) {
        Cell c = row == null ? null : row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC) {
            BigDecimal d = new BigDecimal(Double.toString(c.getNumericCellValue())).stripTrailingZeros();
            if (d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return NODES.numberNode(d.intValueExact());
            }
            return d.scale() <= 0 ? NODES.numberNode(d.longValueExact()) : NODES.numberNode(d);
        }
        String t = c.getCellType() == CellType.STRING ? c.getStringCellValue().trim() : null;
        try {
            return t == null || t.isEmpty() ? null : NODES.numberNode(new BigDecimal(t));
        } catch (NumberFormatException e) {
            errors.add(error(s.getSheetName(), row.getRowNum() + 1, header + " (" + columnLetter(col) + ")",
                    "Se esperaba un número y hay texto: '" + t + "'."));
            return null;
        }
    }

    static void putText(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** An import error at a cell: the field is the sheet's name, the row is 1-based as a spreadsheet shows it. */
    static Problem.FieldError error(String sheet, int row, String column, String message) {
        return new Problem.FieldError(null, sheet, message, row, column);
    }

    /** The column's name as a spreadsheet shows it: A … Z, AA, AB … */
    static String columnLetter(int i) {
        return CellReference.convertNumToColString(i);
    }

    /**
     * What {@code read} makes of the workbook; a file that is no readable XLSX (damaged, cut short, a zip bomb, another
     * kind of file) is a 400 whose Spanish text ends with {@code whatToDo}, never the library's English message.
     */
    static <T> T fromWorkbook(byte[] xlsx, String whatToDo, Function<Workbook, T> read) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return read.apply(wb);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("El archivo no es una hoja de cálculo XLSX válida: está dañado, incompleto o "
                    + "comprimido de más, o es otro tipo de archivo" + whatToDo);
        }
    }
}
