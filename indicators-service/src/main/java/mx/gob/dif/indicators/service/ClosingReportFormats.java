package mx.gob.dif.indicators.service;

import mx.gob.dif.common.csv.CsvCells;
import mx.gob.dif.indicators.api.ClosingReport;
import mx.gob.dif.indicators.api.IndicatorValue;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The closing report as officers use it: CSV and spreadsheet with Spanish headers. */
public final class ClosingReportFormats {
    static final List<String> HEADERS = List.of("Programa", "Nombre del programa", "Actividad", "Descripción", "Indicador",
            "Unidad de medida", "Método de medición", "Meta anual", "Avance absoluto", "% de avance", "Semáforo",
            "Indicador global del programa (%)");
    static final List<String> PROGRAM_HEADERS = List.of("Programa", "Nombre del programa", "Indicadores", "Indicador global (%)");
    static final List<String> MONTH_HEADERS = List.of("Clave de unidad", "Unidad", "Meses aprobados", "Meses pendientes de aprobación",
            "Todos aprobados");

    /** The report wording of each method (seed 003 closing reports). */
    static String methodText(String method) {
        return switch (method) {
            case "SUM" -> "Acumulativo";
            case "MAX_QUARTER_MAX" -> "Valor máximo al trimestre y máximo entre trimestres";
            case "MAX_QUARTER_SUM" -> "Valor máximo al trimestre y acumulativo entre trimestres";
            case "MAX_SEMESTER_SUM" -> "Valor máximo al semestre y acumulado entre semestres";
            case "AVERAGE" -> "Promedio";
            case "LAST" -> "Último valor reportado en el periodo";
            case "COMPOSITE" -> "Compuesto (suma de indicadores)";
            default -> method;
        };
    }

    private static Map<String, BigDecimal> globals(ClosingReport r) {
        Map<String, BigDecimal> out = new HashMap<>();
        r.programs().forEach(p -> out.put(p.program(), p.globalIndicator()));
        return out;
    }

    private ClosingReportFormats() {
    }

    /** UTF-8 with a BOM (so a spreadsheet opens the accents right), RFC 4180; text cells formula-guarded. */
    public static String csv(ClosingReport r) {
        StringBuilder b = new StringBuilder("\uFEFF");
        Map<String, BigDecimal> global = globals(r);
        try (CSVPrinter out = new CSVPrinter(b, CsvCells.FORMAT)) {
            out.printRecord(HEADERS);
            for (IndicatorValue v : r.rows()) {
                out.printRecord(text(v.programCode()), text(v.programName()), text(v.actionCode()), text(v.actionDescription()),
                        text(v.indicator()), text(v.unit()), text(methodText(v.method())), num(v.target()), num(v.value()),
                        num(v.percent()), text(v.status()), num(global.get(v.programCode())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    public static byte[] xlsx(ClosingReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Cierre " + r.fiscalYear());
            Row title = s.createRow(0);
            title.createCell(0).setCellValue("Reporte de cierre " + r.fiscalYear() + " — " + r.orgUnitName() + " (" + r.orgUnit() + ")");
            Row h = s.createRow(2);
            for (int i = 0; i < HEADERS.size(); i++) {
                h.createCell(i).setCellValue(HEADERS.get(i));
            }
            int row = 3;
            Map<String, BigDecimal> global = globals(r);
            for (IndicatorValue v : r.rows()) {
                Row x = s.createRow(row++);
                x.createCell(0).setCellValue(v.programCode());
                x.createCell(1).setCellValue(nz(v.programName()));
                x.createCell(2).setCellValue(nz(v.actionCode()));
                x.createCell(3).setCellValue(nz(v.actionDescription()));
                x.createCell(4).setCellValue(v.indicator());
                x.createCell(5).setCellValue(nz(v.unit()));
                x.createCell(6).setCellValue(methodText(v.method()));
                x.createCell(7).setCellValue(v.target().doubleValue());
                x.createCell(8).setCellValue(v.value().doubleValue());
                if (v.percent() != null) {
                    x.createCell(9).setCellValue(v.percent().doubleValue());
                }
                x.createCell(10).setCellValue(v.status());
                BigDecimal g = global.get(v.programCode());
                if (g != null) {
                    x.createCell(11).setCellValue(g.doubleValue());
                }
            }
            Sheet ps = wb.createSheet("Programas");
            Row ph = ps.createRow(0);
            for (int i = 0; i < PROGRAM_HEADERS.size(); i++) {
                ph.createCell(i).setCellValue(PROGRAM_HEADERS.get(i));
            }
            int prow = 1;
            for (ClosingReport.ProgramSummary p : r.programs()) {
                Row x = ps.createRow(prow++);
                x.createCell(0).setCellValue(p.program());
                x.createCell(1).setCellValue(nz(p.programName()));
                x.createCell(2).setCellValue(p.indicators());
                if (p.globalIndicator() != null) {
                    x.createCell(3).setCellValue(p.globalIndicator().doubleValue());
                }
            }
            Sheet ms = wb.createSheet("Aprobación de meses");
            Row mh = ms.createRow(0);
            for (int i = 0; i < MONTH_HEADERS.size(); i++) {
                mh.createCell(i).setCellValue(MONTH_HEADERS.get(i));
            }
            int mrow = 1;
            for (ClosingReport.UnitMonths u : r.units()) {
                Row x = ms.createRow(mrow++);
                x.createCell(0).setCellValue(u.orgUnit());
                x.createCell(1).setCellValue(nz(u.name()));
                x.createCell(2).setCellValue(String.join(", ", u.acceptedMonths()));
                x.createCell(3).setCellValue(String.join(", ", u.pendingMonths()));
                x.createCell(4).setCellValue(u.accepted() ? "Sí" : "No");
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Numbers as numbers (no formula guard: a leading minus is a negative number, not a formula). */
    static String num(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    static String text(String s) {
        return s == null ? "" : CsvCells.safe(s);
    }
}
