package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.programs.domain.PlanValidation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A work plan as the spreadsheet officers keep: sheets Plan, Programas, Metas (one row per
 * target), Metas de intervención and ODS. Export and import are inverse: an exported file
 * re-imports to the same plan. Import errors name the sheet, row and column.
 */
public final class PlanSpreadsheet {
    static final List<String> PLAN = List.of("campo", "valor");
    static final List<String> PROGRAMS = List.of("programa", "nombre", "objetivo", "descripcion", "eje", "objetivo_plan",
            "estrategia", "calendario", "inversion_total", "inversion_municipal", "inversion_otras");
    static final List<String> TARGETS = List.of("programa", "accion", "descripcion_accion", "indicador", "unidad", "meta",
            "metodo", "componentes", "formula", "metrica_casos");
    /** Columns of Metas a file must have; later ones are optional (files written before they existed still import). */
    static final int TARGETS_REQUIRED = 9;
    static final List<String> GOALS = List.of("programa", "componente", "meta", "indicador", "fuente_verificacion", "supuestos",
            "clave", "numerador_indicador", "numerador_metrica_casos", "denominador_indicador", "denominador_metrica_casos",
            "meta_porcentaje");
    /** Columns of Metas de intervención files written before structured ratios existed; the later ones are optional. */
    static final int GOALS_BASIC = 6;
    static final List<String> SDG = List.of("programa", "objetivo", "meta", "indicador");

    private PlanSpreadsheet() {
    }

    public static byte[] export(JsonNode plan) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = sheet(wb, "Plan", PLAN);
            int r = 1;
            for (String f : List.of("orgUnit", "fiscalYear", "unit", "source")) {
                row(s, r++, f, plan.get(f));
            }
            for (String f : List.of("total", "operation", "investment", "otherSources")) {
                row(s, r++, "budget." + f, plan.path("budget").get(f));
            }
            Sheet ps = sheet(wb, "Programas", PROGRAMS);
            Sheet ts = sheet(wb, "Metas", TARGETS);
            Sheet gs = sheet(wb, "Metas de intervención", GOALS);
            Sheet ss = sheet(wb, "ODS", SDG);
            int pr = 1;
            int tr = 1;
            int gr = 1;
            int sr = 1;
            for (JsonNode p : plan.path("programs")) {
                String code = p.path("code").asText();
                List<String> months = new ArrayList<>();
                p.path("calendarMonths").forEach(m -> months.add(m.asText()));
                row(ps, pr++, code, p.get("name"), p.get("objective"), p.get("description"), p.path("alignment").get("axis"),
                        p.path("alignment").get("planObjective"), p.path("alignment").get("strategy"), String.join(",", months),
                        p.path("investment").get("total"), p.path("investment").get("municipal"), p.path("investment").get("otherSources"));
                for (JsonNode a : p.path("actions")) {
                    for (JsonNode t : a.path("targets")) {
                        List<String> comps = new ArrayList<>();
                        t.path("components").forEach(c -> comps.add(c.asText()));
                        row(ts, tr++, code, a.get("code"), a.get("description"), t.get("indicatorCode"), t.get("unit"), t.get("target"),
                                t.get("method"), comps.isEmpty() ? null : String.join(",", comps), t.get("formula"), t.get("caseMetric"));
                    }
                }
                for (JsonNode g : p.path("interventionGoals")) {
                    row(gs, gr++, code, g.get("component"), g.get("goal"), g.get("indicator"), g.get("verificationSource"), g.get("assumptions"),
                            g.get("code"), g.path("numerator").get("indicator"), g.path("numerator").get("caseMetric"),
                            g.path("denominator").get("indicator"), g.path("denominator").get("caseMetric"), g.get("targetPercent"));
                }
                for (JsonNode g : p.path("sdg")) {
                    row(ss, sr++, code, g.get("goal"), g.get("target"), g.get("indicator"));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds the plan document; every cell problem is reported with sheet, row and column. */
    public static ObjectNode read(byte[] xlsx, String orgUnit, Integer fiscalYear) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ObjectNode plan = EventJson.MAPPER.createObjectNode();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet planSheet = required(wb, "Plan", PLAN, errors);
            Sheet ps = required(wb, "Programas", PROGRAMS, errors);
            Sheet ts = required(wb, "Metas", TARGETS.subList(0, TARGETS_REQUIRED), errors);
            Sheet gs = wb.getSheet("Metas de intervención");
            Sheet ss = wb.getSheet("ODS");
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("El archivo no tiene la forma esperada; no se guardó nada.", errors);
            }
            ObjectNode budget = EventJson.MAPPER.createObjectNode();
            for (int r = 1; r <= planSheet.getLastRowNum(); r++) {
                Row row = planSheet.getRow(r);
                String field = text(row, 0);
                if (field == null) {
                    continue;
                }
                if (field.startsWith("budget.")) {
                    JsonNode n = number(planSheet, row, 1, "valor", errors);
                    if (n != null) {
                        budget.set(field.substring(7), n);
                    }
                } else if (field.equals("fiscalYear")) {
                    JsonNode n = number(planSheet, row, 1, "valor", errors);
                    if (n != null) {
                        plan.set("fiscalYear", n);
                    }
                } else {
                    putText(plan, field, text(row, 1));
                }
            }
            if (orgUnit != null) {
                if (plan.hasNonNull("orgUnit") && !orgUnit.equals(plan.get("orgUnit").asText())) {
                    errors.add(cell("Plan", 2, "valor", "La hoja dice unidad " + plan.get("orgUnit").asText() + " pero se pidió " + orgUnit + "."));
                }
                plan.put("orgUnit", orgUnit);
            }
            if (fiscalYear != null) {
                if (plan.hasNonNull("fiscalYear") && plan.get("fiscalYear").asInt() != fiscalYear) {
                    errors.add(cell("Plan", 3, "valor", "La hoja es del año " + plan.get("fiscalYear").asText() + " pero se pidió " + fiscalYear + "."));
                }
                plan.put("fiscalYear", fiscalYear);
            }
            if (!budget.isEmpty()) {
                plan.set("budget", budget);
            }
            Map<String, ObjectNode> programs = new LinkedHashMap<>();
            for (int r = 1; r <= ps.getLastRowNum(); r++) {
                Row row = ps.getRow(r);
                String code = text(row, 0);
                if (code == null) {
                    continue;
                }
                if (programs.containsKey(code)) {
                    errors.add(cell("Programas", r + 1, "programa", "La clave de programa '" + code + "' está repetida."));
                    continue;
                }
                ObjectNode p = EventJson.MAPPER.createObjectNode();
                p.put("code", code);
                putText(p, "name", text(row, 1));
                ObjectNode alignment = EventJson.MAPPER.createObjectNode();
                putText(alignment, "axis", text(row, 4));
                putText(alignment, "planObjective", text(row, 5));
                putText(alignment, "strategy", text(row, 6));
                if (!alignment.isEmpty()) {
                    p.set("alignment", alignment);
                }
                putText(p, "objective", text(row, 2));
                p.set("interventionGoals", EventJson.MAPPER.createArrayNode());
                p.set("actions", EventJson.MAPPER.createArrayNode());
                ArrayNode months = p.putArray("calendarMonths");
                String cal = text(row, 7);
                if (cal != null) {
                    for (String m : cal.split(",")) {
                        months.add(m.trim());
                    }
                }
                ObjectNode inv = EventJson.MAPPER.createObjectNode();
                String[] invFields = {"total", "municipal", "otherSources"};
                for (int i = 0; i < 3; i++) {
                    JsonNode n = number(ps, row, 8 + i, PROGRAMS.get(8 + i), errors);
                    if (n != null) {
                        inv.set(invFields[i], n);
                    }
                }
                if (!inv.isEmpty()) {
                    p.set("investment", inv);
                }
                p.set("sdg", EventJson.MAPPER.createArrayNode());
                putText(p, "description", text(row, 3));
                programs.put(code, p);
            }
            Map<String, ObjectNode> actions = new LinkedHashMap<>();
            boolean withCaseMetric = TARGETS.get(9).equalsIgnoreCase(String.valueOf(text(ts.getRow(0), 9)).trim());
            for (int r = 1; r <= ts.getLastRowNum(); r++) {
                Row row = ts.getRow(r);
                String program = text(row, 0);
                if (program == null && text(row, 3) == null) {
                    continue;
                }
                ObjectNode p = programs.get(program);
                if (p == null) {
                    errors.add(cell("Metas", r + 1, "programa", "El programa '" + program + "' no está en la hoja Programas."));
                    continue;
                }
                String actionCode = text(row, 1);
                if (actionCode == null) {
                    errors.add(cell("Metas", r + 1, "accion", "Falta la clave de la acción."));
                    continue;
                }
                ObjectNode action = actions.get(program + "|" + actionCode);
                if (action == null) {
                    action = ((ArrayNode) p.get("actions")).addObject();
                    action.put("code", actionCode);
                    putText(action, "description", text(row, 2));
                    action.putArray("targets");
                    actions.put(program + "|" + actionCode, action);
                }
                ObjectNode t = ((ArrayNode) action.get("targets")).addObject();
                putText(t, "indicatorCode", text(row, 3));
                putText(t, "unit", text(row, 4));
                JsonNode q = number(ts, row, 5, "meta", errors);
                if (q != null) {
                    t.set("target", q);
                }
                putText(t, "formula", text(row, 8));
                putText(t, "method", text(row, 6));
                String comps = text(row, 7);
                if (comps != null) {
                    ArrayNode c = t.putArray("components");
                    for (String x : comps.split(",")) {
                        c.add(x.trim());
                    }
                }
                String metric = withCaseMetric ? text(row, 9) : null;
                if (metric != null) {
                    metric = metric.trim();
                    if (!TargetChanged.CASE_METRICS.contains(metric)) {
                        errors.add(cell("Metas", r + 1, "metrica_casos (" + columnLetter(9) + ")", PlanValidation.caseMetricMessage(metric)));
                    }
                    t.put("caseMetric", metric);
                }
            }
            readChildren(gs, "Metas de intervención", GOALS, programs, "interventionGoals",
                    List.of("component", "goal", "indicator", "verificationSource", "assumptions"), errors);
            readGoalRatios(gs, programs, errors);
            readChildren(ss, "ODS", SDG, programs, "sdg", List.of("goal", "target", "indicator"), errors);
            ArrayNode list = plan.putArray("programs");
            programs.values().forEach(list::add);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException pe) {
                throw pe;
            }
            throw ProblemException.badRequest("El archivo no es una hoja de cálculo XLSX válida: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("La hoja de cálculo tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        return plan;
    }

    private static void readChildren(Sheet sheet, String name, List<String> headers, Map<String, ObjectNode> programs, String field,
                                     List<String> keys, List<Problem.FieldError> errors) {
        if (sheet == null) {
            return;
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String program = text(row, 0);
            if (program == null) {
                continue;
            }
            ObjectNode p = programs.get(program);
            if (p == null) {
                errors.add(cell(name, r + 1, headers.get(0), "El programa '" + program + "' no está en la hoja Programas."));
                continue;
            }
            ObjectNode child = ((ArrayNode) p.get(field)).addObject();
            for (int i = 0; i < keys.size(); i++) {
                String v = text(row, i + 1);
                if (v == null) {
                    child.putNull(keys.get(i));
                } else {
                    child.put(keys.get(i), v);
                }
            }
        }
    }

    /**
     * The optional columns of Metas de intervención (goal code and structured ratio), added to the
     * goals {@link #readChildren} read from the same rows; only filled cells add fields, so a goal
     * without them reads back exactly as it was written.
     */
    private static void readGoalRatios(Sheet sheet, Map<String, ObjectNode> programs, List<Problem.FieldError> errors) {
        if (sheet == null || sheet.getRow(0) == null) {
            return;
        }
        Map<String, Integer> columns = new java.util.HashMap<>();
        Row header = sheet.getRow(0);
        for (int i = GOALS_BASIC; i < GOALS_BASIC + 10; i++) {
            String h = text(header, i);
            if (h != null && GOALS.contains(h.trim().toLowerCase())) {
                columns.put(h.trim().toLowerCase(), i);
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String program = text(row, 0);
            if (program == null || !programs.containsKey(program)) {
                continue;
            }
            int index = seen.merge(program, 1, Integer::sum) - 1;
            ObjectNode goal = (ObjectNode) programs.get(program).get("interventionGoals").get(index);
            String code = cellText(row, columns.get("clave"));
            if (code != null) {
                goal.put("code", code.trim());
            }
            ObjectNode num = ratioSide(cellText(row, columns.get("numerador_indicador")), cellText(row, columns.get("numerador_metrica_casos")));
            if (num != null) {
                goal.set("numerator", num);
            }
            ObjectNode den = ratioSide(cellText(row, columns.get("denominador_indicador")), cellText(row, columns.get("denominador_metrica_casos")));
            if (den != null) {
                goal.set("denominator", den);
            }
            Integer tc = columns.get("meta_porcentaje");
            if (tc != null) {
                JsonNode n = number(sheet, row, tc, "meta_porcentaje", errors);
                if (n != null) {
                    goal.set("targetPercent", n);
                }
            }
        }
    }

    private static String cellText(Row row, Integer col) {
        return col == null ? null : text(row, col);
    }

    private static ObjectNode ratioSide(String indicator, String caseMetric) {
        if (indicator == null && caseMetric == null) {
            return null;
        }
        ObjectNode side = EventJson.MAPPER.createObjectNode();
        if (indicator != null) {
            side.put("indicator", indicator.trim());
        }
        if (caseMetric != null) {
            side.put("caseMetric", caseMetric.trim());
        }
        return side;
    }

    private static Sheet required(Workbook wb, String name, List<String> headers, List<Problem.FieldError> errors) {
        Sheet s = wb.getSheet(name);
        if (s == null) {
            errors.add(cell(name, 1, "-", "Falta la hoja '" + name + "'."));
            return null;
        }
        Row h = s.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            String got = text(h, i);
            if (got == null || !got.equalsIgnoreCase(headers.get(i))) {
                errors.add(cell(name, 1, columnLetter(i), "Falta la columna '" + headers.get(i) + "' (columna " + columnLetter(i)
                        + "); se encontró '" + (got == null ? "" : got) + "'."));
            }
        }
        return s;
    }

    private static JsonNode number(Sheet s, Row row, int col, String header, List<Problem.FieldError> errors) {
        Cell c = row == null ? null : row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC) {
            BigDecimal d = new BigDecimal(Double.toString(c.getNumericCellValue())).stripTrailingZeros();
            if (d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return EventJson.MAPPER.getNodeFactory().numberNode(d.intValueExact());
            }
            return d.scale() <= 0 ? EventJson.MAPPER.getNodeFactory().numberNode(d.longValueExact())
                    : EventJson.MAPPER.getNodeFactory().numberNode(d);
        }
        String t = c.getCellType() == CellType.STRING ? c.getStringCellValue().trim() : null;
        try {
            return t == null || t.isEmpty() ? null : EventJson.MAPPER.getNodeFactory().numberNode(new BigDecimal(t));
        } catch (NumberFormatException e) {
            errors.add(cell(s.getSheetName(), row.getRowNum() + 1, header + " (" + columnLetter(col) + ")",
                    "Se esperaba un número y hay texto: '" + t + "'."));
            return null;
        }
    }

    private static String text(Row row, int col) {
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

    private static void putText(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static Problem.FieldError cell(String sheet, int row, String column, String message) {
        return new Problem.FieldError(null, sheet, message, row, column);
    }

    private static String columnLetter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    private static Sheet sheet(Workbook wb, String name, List<String> headers) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            h.createCell(i).setCellValue(headers.get(i));
        }
        return s;
    }

    private static void row(Sheet s, int r, Object... values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof JsonNode n) {
                if (n.isNull() || n.isMissingNode()) {
                    continue;
                }
                if (n.isNumber()) {
                    row.createCell(i).setCellValue(n.decimalValue().doubleValue());
                    continue;
                }
                v = n.asText();
            }
            if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }
}
