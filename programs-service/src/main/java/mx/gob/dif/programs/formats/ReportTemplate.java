package mx.gob.dif.programs.formats;

import mx.gob.dif.common.csv.CsvCells;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The file to download and fill in: the header ({@link ReportColumn}) and one example row that is
 * obviously fictitious (its note says so) but valid against the demo plan, so the template uploaded
 * unchanged is accepted, and uploaded twice counts once (it carries an id).
 */
public final class ReportTemplate {
    /** id, indicador, clave_unidad, fecha, cantidad, nota: the API's own example report (API.md). */
    static final List<String> EXAMPLE = List.of("3f2b8c1e-5d4a-4c7b-9e21-0a1b2c3d4e5f", "DIF-01-03", "10005", "2021-03-14", "80",
            "EJEMPLO FICTICIO: reemplace esta fila por sus reportes");
    private static final int QUANTITY = ReportColumn.QUANTITY.ordinal();

    private ReportTemplate() {
    }

    public static String csv() {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = CsvCells.FORMAT.print(out)) {
            printer.printRecord(ReportColumn.HEADERS);
            printer.printRecord(EXAMPLE.stream().map(CsvText::write).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Sheet {@value ReportColumn#SHEET}: every column but cantidad is formatted as text, so a unit key
     * keeps its leading zero (07001) and a date typed as 2021-03-14 stays that text.
     */
    public static byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(ReportColumn.SHEET);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = s.createRow(0);
            Row example = s.createRow(1);
            for (int i = 0; i < ReportColumn.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(ReportColumn.HEADERS.get(i));
                header.getCell(i).setCellStyle(bold);
                if (i == QUANTITY) {
                    example.createCell(i).setCellValue(new BigDecimal(EXAMPLE.get(i)).doubleValue());
                } else {
                    s.setDefaultColumnStyle(i, text);
                    example.createCell(i).setCellValue(EXAMPLE.get(i));
                    example.getCell(i).setCellStyle(text);
                }
                s.setColumnWidth(i, 256 * Math.max(12, EXAMPLE.get(i).length() + 2));
            }
            s.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
