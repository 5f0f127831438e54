package mx.gob.dif.programs.service;

import java.util.UUID;

/** A plan's identity, status, revision and counts. */
public record PlanSummary(UUID id, String orgUnit, int fiscalYear, String status, int revision, String unitName,
                          int programs, int actions, int targets, int outcomeGoals, String updatedAt, String updatedBy) {
}
