package mx.gob.dif.programs.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The plan's "Cuadros Resumen": counts, investment by source and one row per program.
 * {@code budget} is the plan's own budget block as imported (free form, absent when the plan has none).
 */
public record SummaryTables(UUID planId, String orgUnit, int fiscalYear, int programs, int actions, int outcomeGoals,
                            int indicators, Investment investment,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                    description = "The plan's budget block as imported") JsonNode budget,
                            List<ProgramTotals> byProgram) {

    public record Investment(BigDecimal total, BigDecimal municipal, BigDecimal otherSources) {
    }

    public record ProgramTotals(String program, String name, int actions, int targets, int outcomeGoals, BigDecimal investmentTotal) {
    }
}
