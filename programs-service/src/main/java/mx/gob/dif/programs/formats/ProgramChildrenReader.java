package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static mx.gob.dif.programs.formats.Cells.text;
import static mx.gob.dif.programs.formats.WorkbookLayout.*;

/**
 * The optional sheets of rows under a program: Metas de intervención (outcome goals, with their
 * optional code and structured ratio) and ODS (SDG alignment). A missing sheet adds nothing.
 */
final class ProgramChildrenReader {
    /** Optional goal columns after the basic ones, found by header (a file may have some of them). */
    private static final int OPTIONAL_GOAL_COLUMNS = 10;

    private ProgramChildrenReader() {
    }

    static void goals(Sheet sheet, Map<String, ObjectNode> programs, List<Problem.FieldError> errors) {
        rows(sheet, GOALS_SHEET, GOALS.get(0), programs, "interventionGoals", GOAL_TEXT_FIELDS, errors);
        goalRatios(sheet, programs, errors);
    }

    static void sdg(Sheet sheet, Map<String, ObjectNode> programs, List<Problem.FieldError> errors) {
        rows(sheet, SDG_SHEET, SDG.get(0), programs, "sdg", SDG_FIELDS, errors);
    }

    /** One object per row with the given text fields from column B on (empty cells as null), added to its program's list. */
    private static void rows(Sheet sheet, String name, String programHeader, Map<String, ObjectNode> programs, String list,
                             List<String> fields, List<Problem.FieldError> errors) {
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
                errors.add(Cells.error(name, r + 1, programHeader, "El programa '" + program + "' no está en la hoja Programas."));
                continue;
            }
            ObjectNode child = ((ArrayNode) p.get(list)).addObject();
            for (int i = 0; i < fields.size(); i++) {
                String v = text(row, i + 1);
                if (v == null) {
                    child.putNull(fields.get(i));
                } else {
                    child.put(fields.get(i), v);
                }
            }
        }
    }

    /**
     * The optional columns of Metas de intervención (goal code and structured ratio), added to the
     * goals {@link #rows} read from the same rows; only filled cells add fields, so a goal without
     * them reads back exactly as it was written.
     */
    private static void goalRatios(Sheet sheet, Map<String, ObjectNode> programs, List<Problem.FieldError> errors) {
        Map<String, Integer> columns = sheet == null ? Map.of() : optionalGoalColumns(sheet.getRow(0));
        if (columns.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String program = text(row, 0);
            if (program == null || !programs.containsKey(program)) {
                continue;
            }
            int index = seen.merge(program, 1, Integer::sum) - 1;
            ObjectNode goal = (ObjectNode) programs.get(program).get("interventionGoals").get(index);
            String code = Cells.optionalText(row, columns.get("clave"));
            if (code != null) {
                goal.put("code", code.trim());
            }
            ObjectNode num = ratioSide(row, columns, "numerador");
            if (num != null) {
                goal.set("numerator", num);
            }
            ObjectNode den = ratioSide(row, columns, "denominador");
            if (den != null) {
                goal.set("denominator", den);
            }
            Integer percent = columns.get("meta_porcentaje");
            JsonNode n = percent == null ? null : Cells.number(sheet, row, percent, "meta_porcentaje", errors);
            if (n != null) {
                goal.set("targetPercent", n);
            }
        }
    }

    /** Column of each optional goal header present (case-insensitive), by its lower-case name. */
    private static Map<String, Integer> optionalGoalColumns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        if (header == null) {
            return columns;
        }
        for (int i = GOALS_BASIC; i < GOALS_BASIC + OPTIONAL_GOAL_COLUMNS; i++) {
            String h = text(header, i);
            if (h != null && GOALS.contains(h.trim().toLowerCase())) {
                columns.put(h.trim().toLowerCase(), i);
            }
        }
        return columns;
    }

    /** One side of a goal's ratio from columns {@code <side>_indicador} and {@code <side>_metrica_casos}; null when both are empty. */
    private static ObjectNode ratioSide(Row row, Map<String, Integer> columns, String side) {
        String indicator = Cells.optionalText(row, columns.get(side + "_indicador"));
        String caseMetric = Cells.optionalText(row, columns.get(side + "_metrica_casos"));
        if (indicator == null && caseMetric == null) {
            return null;
        }
        ObjectNode out = Cells.NODES.objectNode();
        if (indicator != null) {
            out.put("indicator", indicator.trim());
        }
        if (caseMetric != null) {
            out.put("caseMetric", caseMetric.trim());
        }
        return out;
    }
}
