package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

import static mx.gob.dif.programs.formats.WorkbookLayout.BUDGET_PREFIX;
import static mx.gob.dif.programs.formats.WorkbookLayout.PLAN_SHEET;

/** Sheet Plan: one plan field per row (campo, valor); rows {@code budget.<field>} form the budget. */
final class PlanSheetReader {
    private static final String VALUE = "valor";
    /** Rows of the fields the URL may also give, as the writer places them (1-based, after the header). */
    private static final int ORG_UNIT_ROW = 2;
    private static final int FISCAL_YEAR_ROW = 3;

    private PlanSheetReader() {
    }

    static void read(Sheet sheet, String orgUnit, Integer fiscalYear, ObjectNode plan, List<Problem.FieldError> errors) {
        ObjectNode budget = plan.objectNode();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String field = Cells.text(row, 0);
            if (field == null) {
                continue;
            }
            if (field.startsWith(BUDGET_PREFIX)) {
                setNumber(budget, field.substring(BUDGET_PREFIX.length()), sheet, row, errors);
            } else if (field.equals("fiscalYear")) {
                setNumber(plan, field, sheet, row, errors);
            } else {
                Cells.putText(plan, field, Cells.text(row, 1));
            }
        }
        asked(plan, orgUnit, fiscalYear, errors);
        if (!budget.isEmpty()) {
            plan.set("budget", budget);
        }
    }

    private static void setNumber(ObjectNode target, String field, Sheet sheet, Row row, List<Problem.FieldError> errors) {
        JsonNode n = Cells.number(sheet, row, 1, VALUE, errors);
        if (n != null) {
            target.set(field, n);
        }
    }

    /** The unit and year asked for in the URL win; a sheet that names others is an error at that cell. */
    private static void asked(ObjectNode plan, String orgUnit, Integer fiscalYear, List<Problem.FieldError> errors) {
        if (orgUnit != null) {
            if (plan.hasNonNull("orgUnit") && !orgUnit.equals(plan.get("orgUnit").asText())) {
                errors.add(Cells.error(PLAN_SHEET, ORG_UNIT_ROW, VALUE, "La hoja dice unidad " + plan.get("orgUnit").asText()
                        + " pero se pidió " + orgUnit + "."));
            }
            plan.put("orgUnit", orgUnit);
        }
        if (fiscalYear != null) {
            if (plan.hasNonNull("fiscalYear") && plan.get("fiscalYear").asInt() != fiscalYear) {
                errors.add(Cells.error(PLAN_SHEET, FISCAL_YEAR_ROW, VALUE, "La hoja es del año " + plan.get("fiscalYear").asText()
                        + " pero se pidió " + fiscalYear + "."));
            }
            plan.put("fiscalYear", fiscalYear);
        }
    }
}
