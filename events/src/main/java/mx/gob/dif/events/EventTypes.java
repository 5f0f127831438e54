package mx.gob.dif.events;

/** CloudEvents {@code type} values. A schema named {@code <type>.json} lives in {@code /schemas}. */
public final class EventTypes {
    public static final String ORG_UNIT_CHANGED = "mx.gob.dif.catalog.orgunit.changed.v1";
    public static final String PROGRAM_CHANGED = "mx.gob.dif.catalog.program.changed.v1";
    public static final String TARGET_CHANGED = "mx.gob.dif.catalog.target.changed.v1";
    public static final String OUTCOME_GOAL_CHANGED = "mx.gob.dif.catalog.outcomegoal.changed.v1";
    public static final String ACTIVITY_REPORTED = "mx.gob.dif.activity.reported.v1";
    public static final String ACTIVITY_RETRACTED = "mx.gob.dif.activity.retracted.v1";
    public static final String CASE_CHANGED = "mx.gob.dif.case.changed.v1";
    public static final String INDICATOR_UPDATED = "mx.gob.dif.indicator.updated.v1";

    private EventTypes() {
    }
}
