package mx.gob.dif.programs.formats;

import mx.gob.dif.common.rest.ProblemException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a workbook of activity reports: sheet {@value ReportColumn#SHEET} (or the first sheet), header in
 * row 1 ({@link ReportColumn}). Cells are read as the text they show: numbers without trailing zeros, a
 * date-formatted cell as AAAA-MM-DD, a formula as the value the spreadsheet last calculated. Formulas are
 * never evaluated here: one without a stored value, or whose value is an error, is an error at its cell.
 */
public final class ReportWorkbookReader {

    private static final String NOT_A_WORKBOOK = " (un XLS antiguo o un CSV). Guárdelo como «Libro de Excel (.xlsx)» o súbalo "
            + "como CSV.";

    private ReportWorkbookReader() {
    }

    /** The rows of the sheet; 400 when it is not an XLSX workbook, 422 naming every bad cell, 413 over {@code maxRows} rows. */
    public static List<ReportRow> read(byte[] body, int maxRows, int maxCell) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("El archivo está vacío: descargue la plantilla, escriba sus reportes y súbala.");
        }
        return Cells.fromWorkbook(body, NOT_A_WORKBOOK, wb -> {
            Sheet s = wb.getSheet(ReportColumn.SHEET) != null ? wb.getSheet(ReportColumn.SHEET) : wb.getSheetAt(0);
            ReportTable table = new ReportTable(maxRows, maxCell);
            table.header(cells(s.getRow(0), table));
            for (Row row : s) {
                if (row.getRowNum() > 0) {
                    table.row(row.getRowNum() + 1, cells(row, table));
                }
            }
            return table.rows();
        });
    }

    private static List<String> cells(Row row, ReportTable table) {
        List<String> out = new ArrayList<>();
        for (int i = 0; row != null && i < row.getLastCellNum(); i++) {
            Cell c = row.getCell(i);
            out.add(c == null ? null : text(c, c.getCellType(), table));
        }
        return out;
    }

    /** The text a cell shows; null (and an error for the table) when it has none a person meant. */
    private static String text(Cell c, CellType type, ReportTable table) {
        int row = c.getRowIndex() + 1;
        return switch (type) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(Double.toString(c.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            case FORMULA -> {
                if (c instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                    table.error(row, c.getColumnIndex(), "La celda tiene una fórmula sin valor calculado; ábrala y guárdela en su "
                            + "hoja de cálculo, o escriba el valor en lugar de la fórmula.");
                    yield null;
                }
                yield text(c, c.getCachedFormulaResultType(), table);
            }
            case ERROR -> {
                table.error(row, c.getColumnIndex(), "La celda tiene un error de la hoja de cálculo ("
                        + FormulaError.forInt(c.getErrorCellValue()).getString() + "); escriba el valor.");
                yield null;
            }
            default -> null;
        };
    }
}
