package mx.gob.dif.indicators.api;

/** state: NONE, REQUESTED, RUNNING, COMPLETED; events replayed so far of target (end offsets when it started). */
public record RebuildStatus(String state, long events, long target, String startedAt, String finishedAt) {
}
