package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * An outcome goal (meta de intervención): free text kept as is, and an optional structured ratio
 * checked by the plan's validation (422 naming the field). Other fields are kept as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OutcomeGoal")
public record OutcomeGoalBody(
        @Size(max = 64, message = "La clave de la meta de intervención admite hasta 64 caracteres.") String code,
        @Size(max = 4000, message = "El componente admite hasta 4000 caracteres.") String component,
        @Size(max = 4000, message = "La meta admite hasta 4000 caracteres.") String goal,
        @Size(max = 4000, message = "El indicador admite hasta 4000 caracteres.") String indicator,
        @Size(max = 4000, message = "La fuente de verificación admite hasta 4000 caracteres.") String verificationSource,
        @Size(max = 4000, message = "Los supuestos admiten hasta 4000 caracteres.") String assumptions,
        @Valid Side numerator,
        @Valid Side denominator,
        @Schema(type = SchemaType.NUMBER, description = "Porcentaje meta, no negativo (95 para 95 %)") JsonNode targetPercent,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> other) {

    /** One side of the ratio: exactly one of an indicator of the same plan or a case metric. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OutcomeGoalSide")
    public record Side(@Size(max = 64, message = "El indicador admite hasta 64 caracteres.") String indicator,
                       @Size(max = 64, message = "La métrica de casos admite hasta 64 caracteres.") String caseMetric) {
    }
}
