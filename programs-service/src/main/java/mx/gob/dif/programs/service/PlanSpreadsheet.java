package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.programs.formats.PlanWorkbookReader;
import mx.gob.dif.programs.formats.PlanWorkbookWriter;

/**
 * A work plan as the spreadsheet officers keep (package {@code formats}: {@link PlanWorkbookWriter},
 * {@link PlanWorkbookReader}). Export and import are inverse: an exported file re-imports to the same
 * plan. Import errors name the sheet, row and column. Kept as the entry point the resources call.
 */
public final class PlanSpreadsheet {

    private PlanSpreadsheet() {
    }

    public static byte[] export(JsonNode plan) {
        return PlanWorkbookWriter.write(plan);
    }

    /** Rebuilds the plan document; every cell problem is reported with sheet, row and column. */
    public static ObjectNode read(byte[] xlsx, String orgUnit, Integer fiscalYear) {
        return PlanWorkbookReader.read(xlsx, orgUnit, fiscalYear);
    }
}
