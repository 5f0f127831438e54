package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static mx.gob.dif.programs.formats.Cells.putText;
import static mx.gob.dif.programs.formats.Cells.text;
import static mx.gob.dif.programs.formats.WorkbookLayout.FIRST_INVESTMENT_COLUMN;
import static mx.gob.dif.programs.formats.WorkbookLayout.INVESTMENT_FIELDS;
import static mx.gob.dif.programs.formats.WorkbookLayout.PROGRAMS;
import static mx.gob.dif.programs.formats.WorkbookLayout.PROGRAMS_SHEET;

/**
 * Sheet Programas: one program per row, by code. The other sheets add to the programs read here
 * (actions, goals, SDG), so each program gets its empty lists in the places a plan document has them.
 */
final class ProgramsSheetReader {

    private ProgramsSheetReader() {
    }

    /** The programs by code, in sheet order. */
    static Map<String, ObjectNode> read(Sheet sheet, List<Problem.FieldError> errors) {
        Map<String, ObjectNode> programs = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String code = text(row, 0);
            if (code == null) {
                continue;
            }
            if (programs.containsKey(code)) {
                errors.add(Cells.error(PROGRAMS_SHEET, r + 1, PROGRAMS.get(0), "La clave de programa '" + code + "' está repetida."));
                continue;
            }
            programs.put(code, program(sheet, row, code, errors));
        }
        return programs;
    }

    /** The fields in the order of a plan document as imported, so a re-import stores the same document. */
    private static ObjectNode program(Sheet sheet, Row row, String code, List<Problem.FieldError> errors) {
        ObjectNode p = Cells.NODES.objectNode();
        p.put("code", code);
        putText(p, "name", text(row, 1));
        ObjectNode alignment = p.objectNode();
        putText(alignment, "axis", text(row, 4));
        putText(alignment, "planObjective", text(row, 5));
        putText(alignment, "strategy", text(row, 6));
        if (!alignment.isEmpty()) {
            p.set("alignment", alignment);
        }
        putText(p, "objective", text(row, 2));
        p.putArray("interventionGoals");
        p.putArray("actions");
        ArrayNode months = p.putArray("calendarMonths");
        String calendar = text(row, 7);
        if (calendar != null) {
            for (String m : calendar.split(",")) {
                months.add(m.trim());
            }
        }
        ObjectNode investment = p.objectNode();
        for (int i = 0; i < INVESTMENT_FIELDS.size(); i++) {
            int col = FIRST_INVESTMENT_COLUMN + i;
            JsonNode n = Cells.number(sheet, row, col, PROGRAMS.get(col), errors);
            if (n != null) {
                investment.set(INVESTMENT_FIELDS.get(i), n);
            }
        }
        if (!investment.isEmpty()) {
            p.set("investment", investment);
        }
        p.putArray("sdg");
        putText(p, "description", text(row, 3));
        return p;
    }
}
