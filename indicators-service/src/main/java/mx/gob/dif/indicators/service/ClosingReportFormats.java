package mx.gob.dif.indicators.service;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** The closing report as officers use it: CSV and spreadsheet with Spanish headers. */
public final class ClosingReportFormats {
    static final List<String> HEADERS = List.of("Programa", "Nombre del programa", "Actividad", "Descripción", "Indicador",
            "Unidad de medida", "Método de medición", "Meta anual", "Avance absoluto", "% de avance", "Semáforo",
            "Indicador global del programa (%)");
    static final List<String> PROGRAM_HEADERS = List.of("Programa", "Nombre del programa", "Indicadores", "Indicador global (%)");

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

    private static java.util.Map<String, BigDecimal> globals(IndicatorQuery.ClosingReport r) {
        java.util.Map<String, BigDecimal> out = new java.util.HashMap<>();
        r.programs().forEach(p -> out.put((String) p.get("program"), (BigDecimal) p.get("globalIndicator")));
        return out;
    }

    private ClosingReportFormats() {
    }

    public static String csv(IndicatorQuery.ClosingReport r) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(String.join(",", HEADERS)).append("\r\n");
        java.util.Map<String, BigDecimal> global = globals(r);
        for (IndicatorQuery.IndicatorValue v : r.rows()) {
            b.append(String.join(",", List.of(cell(v.programCode()), cell(v.programName()), cell(v.actionCode()),
                    cell(v.actionDescription()), cell(v.indicator()), cell(v.unit()), cell(methodText(v.method())), num(v.target()),
                    num(v.value()), num(v.percent()), cell(v.status()), num(global.get(v.programCode()))))).append("\r\n");
        }
        return b.toString();
    }

    public static byte[] xlsx(IndicatorQuery.ClosingReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Cierre " + r.fiscalYear());
            Row title = s.createRow(0);
            title.createCell(0).setCellValue("Reporte de cierre " + r.fiscalYear() + " — " + r.orgUnitName() + " (" + r.orgUnit() + ")");
            Row h = s.createRow(2);
            for (int i = 0; i < HEADERS.size(); i++) {
                h.createCell(i).setCellValue(HEADERS.get(i));
            }
            int row = 3;
            java.util.Map<String, BigDecimal> global = globals(r);
            for (IndicatorQuery.IndicatorValue v : r.rows()) {
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
            for (java.util.Map<String, Object> p : r.programs()) {
                Row x = ps.createRow(prow++);
                x.createCell(0).setCellValue((String) p.get("program"));
                x.createCell(1).setCellValue(nz((String) p.get("programName")));
                x.createCell(2).setCellValue(((Number) p.get("indicators")).doubleValue());
                if (p.get("globalIndicator") != null) {
                    x.createCell(3).setCellValue(((BigDecimal) p.get("globalIndicator")).doubleValue());
                }
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

    private static String num(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
