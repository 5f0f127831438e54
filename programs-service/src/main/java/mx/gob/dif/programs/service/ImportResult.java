package mx.gob.dif.programs.service;

import java.util.UUID;

/** What an import did (or, with {@code dryRun}, would do) and the plan's counts. */
public record ImportResult(UUID id, String orgUnit, int fiscalYear, boolean created, boolean changed, boolean dryRun,
                           String status, int revision, int programs, int actions, int targets, int outcomeGoals) {
}
