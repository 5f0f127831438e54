package mx.gob.dif.events;

import java.util.List;

/** Kafka topic names shared by every service. Keys are documented next to each topic. */
public final class Topics {
    /** Compacted. Key: org unit code. Payload {@link OrgUnitChanged}. */
    public static final String ORG_UNITS = "dif.catalog.org-units";
    /** Compacted. Key: {@code planOrgUnit|fiscalYear|indicatorCode}. Payload {@link TargetChanged}. */
    public static final String CATALOG_TARGETS = "dif.catalog.targets";
    /** Compacted. Key: {@code planOrgUnit|fiscalYear|programCode}. Payload {@link ProgramChanged}. */
    public static final String CATALOG_PROGRAMS = "dif.catalog.programs";
    /** Compacted. Key: {@code planOrgUnit|fiscalYear|goalCode}. Payload {@link OutcomeGoalChanged}. */
    public static final String CATALOG_OUTCOME_GOALS = "dif.catalog.outcome-goals";
    /** Key: {@code orgUnit|indicatorCode} so one indicator of one unit stays in order. */
    public static final String ACTIVITIES = "dif.activities";
    /** Key: pseudonymous case id. No personal data ever. */
    public static final String CASE_EVENTS = "dif.cases";
    /** Key: {@code orgUnit|indicatorCode}. */
    public static final String INDICATOR_UPDATES = "dif.indicators.updated";
    /** Compacted. Key: {@code orgUnit|month}. Payload {@link ReportingMonthChanged}: the month's submission status. */
    public static final String REPORTING_MONTHS = "dif.reporting.months";
    /** Key: {@code orgUnit|month}. Payload {@link ReportingOverdue}: a due month not submitted by its deadline. */
    public static final String REPORTING_OVERDUE = "dif.reporting.overdue";
    /**
     * Key: {@code rebuild}. Payload {@link IndicatorsRebuildRequested}: indicators-service's aggregates are being
     * rebuilt from the logs; every instance of the service reads it (its own group) and replays its partitions.
     */
    public static final String INDICATORS_REBUILDS = "dif.indicators.rebuilds";
    /**
     * Records a consumer could not read as an event of this platform, as they were, with the reason and their
     * origin in the headers {@code dif-reason}, {@code dif-topic}, {@code dif-partition}, {@code dif-offset},
     * {@code dif-group}. Key: the original key.
     */
    public static final String DEAD_LETTER = "dif.dead-letter";

    /** The topics that carry the platform's events: every topic above but {@link #DEAD_LETTER}. */
    public static final List<String> EVENT_TOPICS = List.of(ORG_UNITS, CATALOG_TARGETS, CATALOG_PROGRAMS,
            CATALOG_OUTCOME_GOALS, ACTIVITIES, CASE_EVENTS, INDICATOR_UPDATES, REPORTING_MONTHS, REPORTING_OVERDUE, INDICATORS_REBUILDS);

    private Topics() {
    }
}
