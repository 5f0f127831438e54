package mx.gob.dif.console.api;

import java.util.UUID;

/** A work plan as {@code GET /api/v1/work-plans?orgUnit=} lists it (the fields the console shows). */
public record PlanSummary(UUID id, String orgUnit, int fiscalYear, String status, String unitName, int programs, int targets) {
}
