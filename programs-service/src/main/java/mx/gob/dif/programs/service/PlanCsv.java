package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.programs.formats.PlanCsvReader;
import mx.gob.dif.programs.formats.PlanCsvWriter;

/**
 * A plan's programs, actions and targets as one CSV table (package {@code formats}: {@link PlanCsvWriter},
 * {@link PlanCsvReader}, Apache Commons CSV). Outcome goals and SDG alignment only travel in the XLSX
 * form. Kept as the entry point the resources call.
 */
public final class PlanCsv {

    private PlanCsv() {
    }

    public static String export(JsonNode plan) {
        return PlanCsvWriter.write(plan);
    }

    public static ObjectNode read(String csv, String orgUnit, Integer fiscalYear) {
        return PlanCsvReader.read(csv, orgUnit, fiscalYear);
    }
}
