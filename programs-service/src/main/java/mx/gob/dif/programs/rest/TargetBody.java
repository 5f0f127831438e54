package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A target (meta) as in the plan JSON; a read adds the read-only context ({@code planId} …
 * {@code actionCode}), which a PUT may send back unchanged. Values are checked by the plan's
 * validation, as on import, so a wrong one is a 422 naming its field; that is why {@code target}
 * is kept as the JSON value sent ("diez" is a 422 on {@code target}, not a 400 on the body).
 * Fields the plan JSON may carry beyond these are kept as given ({@code other}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Target")
public record TargetBody(
        @Size(max = 64, message = "La clave del indicador admite hasta 64 caracteres.") String indicatorCode,
        @Size(max = 200, message = "La unidad de medida admite hasta 200 caracteres.") String unit,
        @Schema(type = SchemaType.NUMBER, description = "Meta anual, número no negativo") JsonNode target,
        @Size(max = 32, message = "El método admite hasta 32 caracteres.") String method,
        List<@Size(max = 64, message = "Cada componente admite hasta 64 caracteres.") String> components,
        @Size(max = 4000, message = "La fórmula admite hasta 4000 caracteres.") String formula,
        @Size(max = 64, message = "La métrica de casos admite hasta 64 caracteres.") String caseMetric,
        @Schema(type = SchemaType.ARRAY, implementation = BigDecimal.class, nullable = true, description = "Programación mensual: "
                + "12 cantidades de enero a diciembre (0 o null en los meses sin entregas); sin ella la meta se reparte por igual "
                + "en los meses del calendario") JsonNode schedule,
        @Size(max = 64, message = "planId admite hasta 64 caracteres.") @Schema(readOnly = true) String planId,
        @Size(max = 16, message = "orgUnit admite hasta 16 caracteres.") @Schema(readOnly = true) String orgUnit,
        @Schema(readOnly = true) Integer fiscalYear,
        @Size(max = 16, message = "planStatus admite hasta 16 caracteres.") @Schema(readOnly = true) String planStatus,
        @Schema(readOnly = true) Integer planRevision,
        @Size(max = 64, message = "programCode admite hasta 64 caracteres.") @Schema(readOnly = true) String programCode,
        @Size(max = 64, message = "actionCode admite hasta 64 caracteres.") @Schema(readOnly = true) String actionCode,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> other) {
}
