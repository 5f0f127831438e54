package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.programs.domain.PlanValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static mx.gob.dif.programs.formats.Cells.putText;
import static mx.gob.dif.programs.formats.Cells.text;
import static mx.gob.dif.programs.formats.WorkbookLayout.CASE_METRIC_COLUMN;
import static mx.gob.dif.programs.formats.WorkbookLayout.FIRST_SCHEDULE_COLUMN;
import static mx.gob.dif.programs.formats.WorkbookLayout.TARGETS;
import static mx.gob.dif.programs.formats.WorkbookLayout.TARGETS_SHEET;

/**
 * Sheet Metas: one target per row, under its program (which must be in Programas) and action (created
 * by its first row, code and description). The case metric column is optional: files written before
 * it existed still import; so are the 12 schedule columns after it ({@link ScheduleColumns}).
 */
final class TargetsSheetReader {

    private TargetsSheetReader() {
    }

    static void read(Sheet sheet, Map<String, ObjectNode> programs, List<Problem.FieldError> errors) {
        Map<String, ObjectNode> actions = new HashMap<>();
        boolean withCaseMetric = TARGETS.get(CASE_METRIC_COLUMN).equalsIgnoreCase(
                String.valueOf(text(sheet.getRow(0), CASE_METRIC_COLUMN)).trim());
        boolean withSchedule = withCaseMetric && ScheduleColumns.present(headers(sheet.getRow(0)), FIRST_SCHEDULE_COLUMN);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String program = text(row, 0);
            if (program == null && text(row, 3) == null) {
                continue;
            }
            ObjectNode p = programs.get(program);
            if (p == null) {
                errors.add(Cells.error(TARGETS_SHEET, r + 1, TARGETS.get(0), "El programa '" + program + "' no está en la hoja Programas."));
                continue;
            }
            String actionCode = text(row, 1);
            if (actionCode == null) {
                errors.add(Cells.error(TARGETS_SHEET, r + 1, TARGETS.get(1), "Falta la clave de la acción."));
                continue;
            }
            ObjectNode action = actions.computeIfAbsent(program + "|" + actionCode, k -> action(p, actionCode, row));
            ObjectNode t = target(sheet, row, withCaseMetric, (ArrayNode) action.get("targets"), errors);
            if (withSchedule) {
                schedule(sheet, row, t, errors);
            }
        }
    }

    private static ObjectNode action(ObjectNode program, String code, Row row) {
        ObjectNode action = ((ArrayNode) program.get("actions")).addObject();
        action.put("code", code);
        putText(action, "description", text(row, 2));
        action.putArray("targets");
        return action;
    }

    /** The header row's cells as text (null for empty ones). */
    private static List<String> headers(Row header) {
        List<String> out = new ArrayList<>();
        for (int i = 0; header != null && i < header.getLastCellNum(); i++) {
            out.add(text(header, i));
        }
        return out;
    }

    /** The optional columns programado_ene … programado_dic: numbers or empty; other text is an error naming the cell. */
    private static void schedule(Sheet sheet, Row row, ObjectNode target, List<Problem.FieldError> errors) {
        List<JsonNode> cells = new ArrayList<>();
        for (int m = 0; m < ScheduleColumns.HEADERS.size(); m++) {
            cells.add(Cells.number(sheet, row, FIRST_SCHEDULE_COLUMN + m, ScheduleColumns.HEADERS.get(m), errors));
        }
        ScheduleColumns.put(target, cells);
    }

    private static ObjectNode target(Sheet sheet, Row row, boolean withCaseMetric, ArrayNode targets, List<Problem.FieldError> errors) {
        ObjectNode t = targets.addObject();
        putText(t, "indicatorCode", text(row, 3));
        putText(t, "unit", text(row, 4));
        JsonNode q = Cells.number(sheet, row, 5, TARGETS.get(5), errors);
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
        String metric = withCaseMetric ? text(row, CASE_METRIC_COLUMN) : null;
        if (metric != null) {
            metric = metric.trim();
            if (!TargetChanged.CASE_METRICS.contains(metric)) {
                errors.add(Cells.error(TARGETS_SHEET, row.getRowNum() + 1, TARGETS.get(CASE_METRIC_COLUMN) + " ("
                        + Cells.columnLetter(CASE_METRIC_COLUMN) + ")", PlanValidation.caseMetricMessage(metric)));
            }
            t.put("caseMetric", metric);
        }
        return t;
    }
}
