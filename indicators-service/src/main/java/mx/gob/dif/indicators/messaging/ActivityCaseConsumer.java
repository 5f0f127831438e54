package mx.gob.dif.indicators.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.persistence.RebuildTables;
import mx.gob.dif.indicators.service.DataVersion;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.OffsetsMoved;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity log and the case log in ONE loop: one polled batch may mix both topics and is applied
 * in one transaction with the loop's stored offsets, and a rebuild replays both together (the
 * derived tables activity, month_value, year_value, case_event and case_count are cleared as one). An event the
 * aggregates cannot take (a negative quantity, a unit code longer than its column, a case event off
 * its schema) is dead-lettered with the reason; other event types on these topics are not aggregated.
 * Each batch first reads the rebuild generation ({@link RebuildTables#fence}): when a rebuild began
 * since the loop positioned its partitions (on any instance), the batch is rolled back and the loop
 * starts again from the stored offsets, which the rebuild forgot. After the commit the changed
 * indicators are queued for indicator-updated events, except while a rebuild replays the logs.
 * Instances share the group, so each applies its own partitions; one handler per loop.
 */
@ApplicationScoped
public class ActivityCaseConsumer implements BatchHandler {
    /** No batch applied yet: the first one repositions, since the partitions may have been positioned before a rebuild. */
    private static final long UNKNOWN = -1;
    private final AgroalDataSource ds;
    private final IndicatorUpdates updates;
    private final DataVersion dataVersion;
    private final EventLoops loops;
    private final IndicatorsConfig config;
    private final RebuildTables rebuildTables;
    private final Rebuilds rebuilds;
    /** What the batch being applied changed; the loop runs apply and afterCommit on its one thread. */
    private List<ActivityApplier.Key> changed = List.of();
    private List<CaseApplier.Key> casesChanged = List.of();
    /** The rebuild generation this loop's positions belong to. */
    private long generation = UNKNOWN;
    private boolean rebuilding;

    public ActivityCaseConsumer(AgroalDataSource ds, IndicatorUpdates updates, DataVersion dataVersion, EventLoops loops,
                                IndicatorsConfig config, RebuildTables rebuildTables, Rebuilds rebuilds) {
        this.ds = ds;
        this.updates = updates;
        this.dataVersion = dataVersion;
        this.loops = loops;
        this.config = config;
        this.rebuildTables = rebuildTables;
        this.rebuilds = rebuilds;
    }

    void start(@Observes StartupEvent e) {
        loops.start(spec(config), this);
    }

    /** The loop every instance runs in the one activities group. */
    public static EventLoop.Spec spec(IndicatorsConfig config) {
        return new EventLoop.Spec("activities", config.group().activities(), Rebuilds.LOGS, config.activities().maxPollRecords());
    }

    @Override
    public void apply(Batch batch) throws Exception {
        List<ActivityApplier.Activity> activities = new ArrayList<>(batch.events().size());
        List<CaseApplier.CaseChange> cases = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            RebuildTables.State fence = rebuildTables.fence(c);
            if (fence.generation() != generation) {
                long was = generation;
                generation = fence.generation();
                throw new OffsetsMoved(was == UNKNOWN ? "first batch of the loop" : "rebuild " + fence.generation());
            }
            rebuilding = fence.running();
            for (Received r : batch.events()) {
                try {
                    if (Topics.CASE_EVENTS.equals(r.topic())) {
                        CaseApplier.CaseChange cc = EventTypes.CASE_CHANGED.equals(r.type()) ? CaseApplier.change(r) : null;
                        if (cc != null) {
                            cases.add(cc);
                        }
                    } else if (EventTypes.ACTIVITY_REPORTED.equals(r.type())) {
                        activities.add(ActivityApplier.reported(r.data(ActivityReported.class), r.event().time()));
                    } else if (EventTypes.ACTIVITY_RETRACTED.equals(r.type())) {
                        activities.add(ActivityApplier.retracted(r.data(ActivityRetracted.class)));
                    }
                    // any other platform event on these topics is not an aggregate of this service
                } catch (Refused e) {
                    batch.deadLetter(r, e.getMessage());
                }
            }
            changed = ActivityApplier.apply(c, activities);
            casesChanged = CaseApplier.apply(c, cases);
        }
    }

    @Override
    public void afterCommit(Batch batch) {
        dataVersion.changed();
        if (!rebuilding) {
            updates.publish(changed);
            updates.publishCases(casesChanged);
            return;
        }
        try {
            rebuilds.status(); // marks the rebuild completed once every partition is applied up to its end
        } catch (SQLException e) {
            // the next batch or read looks again
        }
    }
}
