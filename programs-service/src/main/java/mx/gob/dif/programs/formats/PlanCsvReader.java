package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.csv.CsvCells;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.programs.domain.PlanValidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static mx.gob.dif.programs.formats.CsvLayout.*;

/**
 * Reads the plan CSV ({@link CsvLayout}) with Commons CSV into a plan document. The header is checked
 * first; then every row, each problem named by its row (1-based, the header is row 1) and column,
 * all of them in one answer. A file with any problem yields nothing.
 */
public final class PlanCsvReader {
    private PlanCsvReader() {
    }

    public static ObjectNode read(String csv, String orgUnit, Integer fiscalYear) {
        if (orgUnit == null || fiscalYear == null) {
            throw ProblemException.badRequest("Para importar un CSV indique orgUnit y fiscalYear en la URL, p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
        List<List<String>> rows = CsvCells.records(csv);
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("El archivo CSV está vacío.", List.of());
        }
        int columns = checkHeader(rows.get(0));
        ObjectNode plan = Cells.NODES.objectNode();
        plan.put("orgUnit", orgUnit);
        plan.put("fiscalYear", fiscalYear);
        Rows reader = new Rows(columns);
        for (int r = 1; r < rows.size(); r++) {
            reader.row(rows.get(r), r + 1);
        }
        if (!reader.errors.isEmpty()) {
            throw ProblemException.unprocessable("El CSV tiene " + reader.errors.size() + " error(es); no se guardó nada.", reader.errors);
        }
        plan.putArray("programs").addAll(reader.programs.values());
        return plan;
    }

    /** The number of columns of the rows: the fixed ones, plus metrica_casos and then the schedule's when the header has them. */
    private static int checkHeader(List<String> header) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            if (i >= header.size() || !HEADERS.get(i).equalsIgnoreCase(header.get(i).trim())) {
                errors.add(Problem.FieldError.atCell(1, HEADERS.get(i), "Falta la columna '" + HEADERS.get(i) + "' en la posición "
                        + (i + 1) + " del encabezado."));
            }
        }
        boolean withCaseMetric = header.size() > HEADERS.size() && CASE_METRIC.equalsIgnoreCase(header.get(HEADERS.size()).trim());
        boolean withSchedule = withCaseMetric && ScheduleColumns.present(header, FIRST_SCHEDULE_COLUMN);
        int columns = HEADERS.size() + (withCaseMetric ? 1 : 0) + (withSchedule ? ScheduleColumns.HEADERS.size() : 0);
        if (header.size() > columns) {
            errors.add(new Problem.FieldError(null, header.get(columns), "Columna inesperada '" + header.get(columns).trim()
                    + "' en la posición " + (columns + 1) + "; después de 'formula' solo puede ir '" + CASE_METRIC + "' y, tras ella, "
                    + "las 12 columnas de la programación mensual (" + ScheduleColumns.HEADERS.get(0) + " … "
                    + ScheduleColumns.HEADERS.get(ScheduleColumns.HEADERS.size() - 1) + ").", 1, header.get(columns).trim()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El encabezado del CSV no es el esperado; no se guardó nada.", errors);
        }
        return columns;
    }

    /** The rows after the header: programs and actions are created by their first row, then found by code. */
    private static final class Rows {
        private final int columns;
        private final Map<String, ObjectNode> programs = new LinkedHashMap<>();
        private final Map<String, ObjectNode> actions = new HashMap<>();
        private final List<Problem.FieldError> errors = new ArrayList<>();

        Rows(int columns) {
            this.columns = columns;
        }

        void row(List<String> cells, int line) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (cells.size() != columns) {
                errors.add(new Problem.FieldError(null, "fila", "La fila tiene " + cells.size() + " columnas y se esperaban "
                        + columns + ".", line, "-"));
                return;
            }
            List<String> row = cells.stream().map(c -> CsvText.read(c).trim()).toList();
            String code = row.get(PROGRAM);
            ObjectNode p = programs.computeIfAbsent(code, c -> program(row, line));
            String actionCode = row.get(ACTION);
            ObjectNode action = actions.computeIfAbsent(code + "|" + actionCode, k -> {
                ObjectNode a = ((ArrayNode) p.get("actions")).addObject();
                a.put("code", actionCode);
                a.put("description", row.get(ACTION_DESCRIPTION));
                a.putArray("targets");
                return a;
            });
            target(row, line, ((ArrayNode) action.get("targets")).addObject());
        }

        private ObjectNode program(List<String> row, int line) {
            ObjectNode n = Cells.NODES.objectNode();
            n.put("code", row.get(PROGRAM));
            n.put("name", row.get(PROGRAM_NAME));
            ArrayNode months = n.putArray("calendarMonths");
            for (String m : row.get(CALENDAR).split(LIST_SEPARATORS)) {
                if (!m.isBlank()) {
                    months.add(m);
                }
            }
            ObjectNode investment = n.objectNode();
            for (int i = 0; i < INVESTMENT_FIELDS.size(); i++) {
                BigDecimal v = number(row.get(FIRST_INVESTMENT + i), line, HEADERS.get(FIRST_INVESTMENT + i));
                if (v != null) {
                    investment.put(INVESTMENT_FIELDS.get(i), v);
                }
            }
            if (!investment.isEmpty()) {
                n.set("investment", investment);
            }
            n.putArray("actions");
            return n;
        }

        private void target(List<String> row, int line, ObjectNode t) {
            t.put("indicatorCode", row.get(INDICATOR));
            t.put("unit", row.get(UNIT));
            BigDecimal q = number(row.get(TARGET), line, HEADERS.get(TARGET));
            if (q != null) {
                t.put("target", q);
            }
            if (!row.get(METHOD).isEmpty()) {
                t.put("method", row.get(METHOD));
            }
            if (!row.get(COMPONENTS).isEmpty()) {
                ArrayNode components = t.putArray("components");
                for (String c : row.get(COMPONENTS).split(LIST_SEPARATORS)) {
                    components.add(c); // a leading separator (",A") gives an empty code, which validation names
                }
            }
            if (!row.get(FORMULA).isEmpty()) {
                t.put("formula", row.get(FORMULA));
            }
            String metric = row.size() > CASE_METRIC_COLUMN ? row.get(CASE_METRIC_COLUMN) : "";
            if (!metric.isEmpty()) {
                if (!TargetChanged.CASE_METRICS.contains(metric)) {
                    errors.add(Problem.FieldError.atCell(line, CASE_METRIC, PlanValidation.caseMetricMessage(metric)));
                }
                t.put("caseMetric", metric);
            }
            if (row.size() > FIRST_SCHEDULE_COLUMN) {
                schedule(row, line, t);
            }
        }

        /** The 12 schedule cells: numbers or empty (an empty month). */
        private void schedule(List<String> row, int line, ObjectNode t) {
            List<JsonNode> cells = new ArrayList<>();
            for (int m = 0; m < ScheduleColumns.HEADERS.size(); m++) {
                BigDecimal q = number(row.get(FIRST_SCHEDULE_COLUMN + m), line, ScheduleColumns.HEADERS.get(m));
                cells.add(q == null ? null : Cells.NODES.numberNode(q));
            }
            ScheduleColumns.put(t, cells);
        }

        private BigDecimal number(String text, int line, String column) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                errors.add(Problem.FieldError.atCell(line, column, "Se esperaba un número en '" + column + "' y hay texto: '" + text + "'."));
                return null;
            }
        }
    }
}
