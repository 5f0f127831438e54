package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * An action as in the plan JSON, optionally with its targets; a read adds the read-only context.
 * Fields the plan JSON may carry beyond these are kept as given ({@code other}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Action")
public record ActionBody(
        @Size(max = 64, message = "La clave de la acción admite hasta 64 caracteres.") String code,
        @Size(max = 4000, message = "La descripción admite hasta 4000 caracteres.") String description,
        List<@Valid TargetBody> targets,
        @Size(max = 64, message = "planId admite hasta 64 caracteres.") @Schema(readOnly = true) String planId,
        @Size(max = 16, message = "orgUnit admite hasta 16 caracteres.") @Schema(readOnly = true) String orgUnit,
        @Schema(readOnly = true) Integer fiscalYear,
        @Size(max = 16, message = "planStatus admite hasta 16 caracteres.") @Schema(readOnly = true) String planStatus,
        @Schema(readOnly = true) Integer planRevision,
        @Size(max = 64, message = "programCode admite hasta 64 caracteres.") @Schema(readOnly = true) String programCode,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> other) {
}
