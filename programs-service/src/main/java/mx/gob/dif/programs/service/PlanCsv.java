package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.programs.domain.PlanValidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's programs, actions and targets as one CSV table (one row per target, program columns
 * repeated), the form in which many offices keep the PAT. Outcome goals and SDG alignment only
 * travel in the XLSX form.
 */
public final class PlanCsv {
    static final List<String> HEADERS = List.of("programa", "nombre_programa", "calendario", "inversion_total",
            "inversion_municipal", "inversion_otras", "accion", "descripcion_accion", "indicador", "unidad", "meta", "metodo",
            "componentes", "formula");
    /** Optional last column (files written before it existed still import): the target's case metric. */
    static final String CASE_METRIC = "metrica_casos";

    private PlanCsv() {
    }

    public static String export(JsonNode plan) {
        StringBuilder b = new StringBuilder(String.join(",", HEADERS)).append(',').append(CASE_METRIC).append("\r\n");
        for (JsonNode p : plan.path("programs")) {
            List<String> months = new ArrayList<>();
            p.path("calendarMonths").forEach(m -> months.add(m.asText()));
            for (JsonNode a : p.path("actions")) {
                for (JsonNode t : a.path("targets")) {
                    List<String> comps = new ArrayList<>();
                    t.path("components").forEach(c -> comps.add(c.asText()));
                    List<String> cells = List.of(s(p.get("code")), s(p.get("name")), String.join(" ", months),
                            s(p.path("investment").get("total")), s(p.path("investment").get("municipal")),
                            s(p.path("investment").get("otherSources")), s(a.get("code")), s(a.get("description")),
                            s(t.get("indicatorCode")), s(t.get("unit")), s(t.get("target")), s(t.get("method")),
                            String.join(" ", comps), s(t.get("formula")), s(t.get("caseMetric")));
                    b.append(String.join(",", cells.stream().map(PlanCsv::quote).toList())).append("\r\n");
                }
            }
        }
        return b.toString();
    }

    public static ObjectNode read(String csv, String orgUnit, Integer fiscalYear) {
        if (orgUnit == null || fiscalYear == null) {
            throw ProblemException.badRequest("Para importar un CSV indique orgUnit y fiscalYear en la URL, p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
        List<List<String>> rows = parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("El archivo CSV está vacío.", List.of());
        }
        List<String> header = rows.get(0);
        for (int i = 0; i < HEADERS.size(); i++) {
            if (i >= header.size() || !HEADERS.get(i).equalsIgnoreCase(header.get(i).trim())) {
                errors.add(new Problem.FieldError(null, HEADERS.get(i), "Falta la columna '" + HEADERS.get(i) + "' en la posición "
                        + (i + 1) + " del encabezado.", 1, HEADERS.get(i)));
            }
        }
        boolean withCaseMetric = header.size() > HEADERS.size() && CASE_METRIC.equalsIgnoreCase(header.get(HEADERS.size()).trim());
        int columns = HEADERS.size() + (withCaseMetric ? 1 : 0);
        if (header.size() > columns) {
            errors.add(new Problem.FieldError(null, header.get(columns), "Columna inesperada '" + header.get(columns).trim()
                    + "' en la posición " + (columns + 1) + "; después de 'formula' solo puede ir '" + CASE_METRIC + "'.", 1,
                    header.get(columns).trim()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El encabezado del CSV no es el esperado; no se guardó nada.", errors);
        }
        ObjectNode plan = EventJson.MAPPER.createObjectNode();
        plan.put("orgUnit", orgUnit);
        plan.put("fiscalYear", fiscalYear);
        Map<String, ObjectNode> programs = new LinkedHashMap<>();
        Map<String, ObjectNode> actions = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = r + 1;
            if (row.size() != columns) {
                errors.add(new Problem.FieldError(null, "fila", "La fila tiene " + row.size() + " columnas y se esperaban " + columns + ".", line, "-"));
                continue;
            }
            String code = row.get(0).trim();
            ObjectNode p = programs.computeIfAbsent(code, c -> {
                ObjectNode n = EventJson.MAPPER.createObjectNode();
                n.put("code", c);
                n.put("name", row.get(1).trim());
                ArrayNode months = n.putArray("calendarMonths");
                for (String m : row.get(2).trim().split("[ ,;]+")) {
                    if (!m.isBlank()) {
                        months.add(m);
                    }
                }
                ObjectNode inv = EventJson.MAPPER.createObjectNode();
                String[] f = {"total", "municipal", "otherSources"};
                for (int i = 0; i < 3; i++) {
                    BigDecimal v = number(row.get(3 + i), line, HEADERS.get(3 + i), errors);
                    if (v != null) {
                        inv.put(f[i], v);
                    }
                }
                if (!inv.isEmpty()) {
                    n.set("investment", inv);
                }
                n.putArray("actions");
                return n;
            });
            String actionCode = row.get(6).trim();
            ObjectNode action = actions.computeIfAbsent(code + "|" + actionCode, k -> {
                ObjectNode a = ((ArrayNode) p.get("actions")).addObject();
                a.put("code", actionCode);
                a.put("description", row.get(7).trim());
                a.putArray("targets");
                return a;
            });
            ObjectNode t = ((ArrayNode) action.get("targets")).addObject();
            t.put("indicatorCode", row.get(8).trim());
            t.put("unit", row.get(9).trim());
            BigDecimal q = number(row.get(10), line, "meta", errors);
            if (q != null) {
                t.put("target", q);
            }
            if (!row.get(11).isBlank()) {
                t.put("method", row.get(11).trim());
            }
            if (!row.get(12).isBlank()) {
                ArrayNode c = t.putArray("components");
                for (String x : row.get(12).trim().split("[ ,;]+")) {
                    c.add(x);
                }
            }
            if (!row.get(13).isBlank()) {
                t.put("formula", row.get(13).trim());
            }
            if (withCaseMetric && !row.get(14).isBlank()) {
                String metric = row.get(14).trim();
                if (!TargetChanged.CASE_METRICS.contains(metric)) {
                    errors.add(new Problem.FieldError(null, CASE_METRIC, PlanValidation.caseMetricMessage(metric), line, CASE_METRIC));
                }
                t.put("caseMetric", metric);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El CSV tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        ArrayNode list = plan.putArray("programs");
        programs.values().forEach(list::add);
        return plan;
    }

    private static BigDecimal number(String text, int line, String column, List<Problem.FieldError> errors) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(null, column, "Se esperaba un número en '" + column + "' y hay texto: '" + t + "'.", line, column));
            return null;
        }
    }

    private static String s(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        return n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
