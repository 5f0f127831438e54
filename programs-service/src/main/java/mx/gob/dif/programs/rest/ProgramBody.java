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
 * A program as in the plan JSON, optionally with its actions and outcome goals; a read adds the
 * read-only context. {@code investment} ({@code total}, {@code municipal}, {@code otherSources}) is
 * kept as the JSON sent, so its amounts keep their digits and a wrong one is a 422 on its field.
 * Fields the plan JSON carries beyond these ({@code alignment}, {@code objective}, …) are kept as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Program")
public record ProgramBody(
        @Size(max = 64, message = "La clave del programa admite hasta 64 caracteres.") String code,
        @Size(max = 500, message = "El nombre del programa admite hasta 500 caracteres.") String name,
        List<@Size(max = 16, message = "Cada mes admite hasta 16 caracteres (ENE … DIC).") String> calendarMonths,
        @Schema(implementation = Investment.class) JsonNode investment,
        List<@Valid OutcomeGoalBody> interventionGoals,
        List<@Valid ActionBody> actions,
        @Size(max = 64, message = "planId admite hasta 64 caracteres.") @Schema(readOnly = true) String planId,
        @Size(max = 16, message = "orgUnit admite hasta 16 caracteres.") @Schema(readOnly = true) String orgUnit,
        @Schema(readOnly = true) Integer fiscalYear,
        @Size(max = 16, message = "planStatus admite hasta 16 caracteres.") @Schema(readOnly = true) String planStatus,
        @Schema(readOnly = true) Integer planRevision,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> other) {

    /** The program's investment by source (documentation of {@link #investment}). */
    @Schema(name = "ProgramInvestment")
    public record Investment(java.math.BigDecimal total, java.math.BigDecimal municipal, java.math.BigDecimal otherSources) {
    }
}
