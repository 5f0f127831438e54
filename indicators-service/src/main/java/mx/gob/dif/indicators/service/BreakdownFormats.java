package mx.gob.dif.indicators.service;

import mx.gob.dif.common.csv.CsvCells;
import mx.gob.dif.indicators.api.IndicatorBreakdown;
import mx.gob.dif.indicators.api.IndicatorValue;
import mx.gob.dif.indicators.api.ProgramBreakdown;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Breakdowns as officers use them, like the closing report ({@link ClosingReportFormats}: its cells, CSV dialect with a
 * BOM and formula-guarded text): one line per part and a last line "Total" (the unit's own value).
 */
public final class BreakdownFormats {
    static final List<String> INDICATOR_HEADERS = List.of("Clave de unidad", "Unidad", "Indicador", "Método de medición", "Meta",
            "Avance absoluto", "% de avance", "Esperado", "Semáforo", "Reportó en el periodo");
    static final List<String> PROGRAM_HEADERS = List.of("Clave de unidad", "Unidad", "Programa", "Indicador", "Método de medición",
            "Meta", "Avance absoluto", "% de avance", "Esperado", "Semáforo", "Reportó en el periodo", "Indicador global del programa (%)");
    static final String TOTAL = "Total";

    private BreakdownFormats() {
    }

    /** One line: text cells (formula-guarded in CSV), numbers and yes/no; null is an empty cell. */
    private static List<Object> line(IndicatorBreakdown b, String unit, String name, BigDecimal target, BigDecimal value,
                                     BigDecimal percent, BigDecimal expected, String status, Boolean reported) {
        return Arrays.asList(unit, name, b.indicator(), ClosingReportFormats.methodText(b.method()), target, value, percent, expected,
                status, reported);
    }

    static List<List<Object>> lines(IndicatorBreakdown b) {
        List<List<Object>> out = new ArrayList<>();
        for (IndicatorBreakdown.Row r : b.rows()) {
            out.add(line(b, r.orgUnit(), r.name(), r.target(), r.value(), r.percent(), r.expected(), r.status(), r.reported()));
        }
        IndicatorValue t = b.total();
        out.add(line(b, b.orgUnit(), TOTAL, t.target(), t.value(), t.percent(), t.expected(), t.status(),
                b.rows().stream().anyMatch(IndicatorBreakdown.Row::reported)));
        return out;
    }

    static List<List<Object>> lines(ProgramBreakdown b) {
        List<List<Object>> out = new ArrayList<>();
        for (ProgramBreakdown.Row r : b.rows()) {
            for (ProgramBreakdown.Indicator i : r.indicators()) {
                out.add(Arrays.asList(r.orgUnit(), r.name(), b.program(), i.indicator(), ClosingReportFormats.methodText(i.method()),
                        i.target(), i.value(), i.percent(), i.expected(), i.status(), i.reported(),
                        r.globalIndicator()));
            }
        }
        for (IndicatorValue v : b.total().indicators()) {
            out.add(Arrays.asList(b.orgUnit(), TOTAL, b.program(), v.indicator(), ClosingReportFormats.methodText(v.method()), v.target(),
                    v.value(), v.percent(), v.expected(), v.status(), b.rows().stream().anyMatch(ProgramBreakdown.Row::reported),
                    b.total().globalIndicator()));
        }
        return out;
    }

    public static String csv(IndicatorBreakdown b) {
        return csv(INDICATOR_HEADERS, lines(b));
    }

    public static String csv(ProgramBreakdown b) {
        return csv(PROGRAM_HEADERS, lines(b));
    }

    public static byte[] xlsx(IndicatorBreakdown b) {
        return xlsx("Desglose " + b.indicator(), "Desglose de " + b.indicator() + " por unidad, " + b.period(), INDICATOR_HEADERS, lines(b));
    }

    public static byte[] xlsx(ProgramBreakdown b) {
        return xlsx("Desglose " + b.program(), "Avance del programa " + b.program() + " por unidad, " + b.period(), PROGRAM_HEADERS, lines(b));
    }

    /** UTF-8 with a BOM, RFC 4180; text cells formula-guarded, numbers as numbers. */
    private static String csv(List<String> headers, List<List<Object>> lines) {
        StringBuilder b = new StringBuilder("\uFEFF");
        try (CSVPrinter out = new CSVPrinter(b, CsvCells.FORMAT)) {
            out.printRecord(headers);
            for (List<Object> l : lines) {
                out.printRecord(l.stream().map(BreakdownFormats::csvCell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    private static String csvCell(Object o) {
        if (o instanceof BigDecimal d) {
            return ClosingReportFormats.num(d);
        }
        if (o instanceof Boolean yes) {
            return yes ? "Sí" : "No";
        }
        return ClosingReportFormats.text(o == null ? null : o.toString());
    }

    /** Title in the first row, headers in the third, then the lines; numbers as numeric cells (never formulas). */
    private static byte[] xlsx(String sheetName, String title, List<String> headers, List<List<Object>> lines) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
            s.createRow(0).createCell(0).setCellValue(title);
            Row h = s.createRow(2);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            int row = 3;
            for (List<Object> l : lines) {
                Row x = s.createRow(row++);
                for (int i = 0; i < l.size(); i++) {
                    Object o = l.get(i);
                    if (o instanceof BigDecimal d) {
                        x.createCell(i).setCellValue(d.doubleValue());
                    } else if (o instanceof Boolean yes) {
                        x.createCell(i).setCellValue(yes ? "Sí" : "No");
                    } else if (o != null) {
                        x.createCell(i).setCellValue(o.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
