package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The schema of a whole plan in the format of the PAT JSON file, for the OpenAPI document of the
 * import and of {@code GET /work-plans/{id}}. The import itself reads the body as a JSON tree:
 * the document is stored and read back exactly as given (fields a unit adds, the digits of its
 * amounts) and every problem in it, a wrong type included, is a 422 naming its path.
 */
@Schema(name = "WorkPlanDocument")
public record PlanDocument(String orgUnit, int fiscalYear, String unit, String source,
                           @Schema(type = SchemaType.OBJECT, description = "Presupuesto del plan, libre") JsonNode budget,
                           List<ProgramBody> programs) {
}
