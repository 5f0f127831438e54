package mx.gob.dif.programs.persistence;

/**
 * One entry of a plan's history: who changed it, when, what, and the status after the change; {@code amendment} is
 * why the plan of a closed fiscal year was changed (null for an ordinary change).
 */
public record PlanRevision(int revision, String changedAt, String changedBy, String summary, String status, String amendment) {
}
