package mx.gob.dif.console.api;

import java.util.UUID;

/** The answer of {@code POST /api/v1/work-plans/import}: what the import did, or with a dry run would do. */
public record PlanImport(UUID id, String orgUnit, int fiscalYear, boolean created, boolean changed, boolean dryRun, String status,
                         int revision, int programs, int actions, int targets) {
}
