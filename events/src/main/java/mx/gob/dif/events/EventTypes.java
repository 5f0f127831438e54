package mx.gob.dif.events;

import java.util.Map;
import java.util.Optional;

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
    public static final String REPORTING_MONTH_CHANGED = "mx.gob.dif.reporting.month.changed.v1";
    public static final String REPORTING_OVERDUE = "mx.gob.dif.reporting.overdue.v1";
    public static final String INDICATORS_REBUILD_REQUESTED = "mx.gob.dif.indicators.rebuild.requested.v1";

    private static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(ORG_UNIT_CHANGED, OrgUnitChanged.class),
            Map.entry(PROGRAM_CHANGED, ProgramChanged.class),
            Map.entry(TARGET_CHANGED, TargetChanged.class),
            Map.entry(OUTCOME_GOAL_CHANGED, OutcomeGoalChanged.class),
            Map.entry(ACTIVITY_REPORTED, ActivityReported.class),
            Map.entry(ACTIVITY_RETRACTED, ActivityRetracted.class),
            Map.entry(CASE_CHANGED, CaseEvent.class),
            Map.entry(INDICATOR_UPDATED, IndicatorUpdated.class),
            Map.entry(REPORTING_MONTH_CHANGED, ReportingMonthChanged.class),
            Map.entry(REPORTING_OVERDUE, ReportingOverdue.class),
            Map.entry(INDICATORS_REBUILD_REQUESTED, IndicatorsRebuildRequested.class));

    private EventTypes() {
    }

    /** The payload record an event type carries; empty for a type this platform does not know. */
    public static Optional<Class<?>> payloadType(String type) {
        return Optional.ofNullable(type == null ? null : PAYLOADS.get(type));
    }
}
