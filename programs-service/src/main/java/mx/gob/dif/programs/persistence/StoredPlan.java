package mx.gob.dif.programs.persistence;

import java.util.UUID;

/** A {@code work_plan} row: the plan document as stored, with its hash, status and revision. */
public record StoredPlan(UUID id, String orgUnit, int fiscalYear, String status, int revision, String content, String sha,
                         String updatedAt, String updatedBy) {
}
