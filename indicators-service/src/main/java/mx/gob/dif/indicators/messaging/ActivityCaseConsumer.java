package mx.gob.dif.indicators.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.api.RebuildStatus;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.service.DataVersion;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity log and the case log in ONE loop: one polled batch may mix both topics and is applied
 * in one transaction with the loop's stored offsets, and a rebuild replays both together (the
 * derived tables activity, month_value, case_event and case_count are cleared as one). An event the
 * aggregates cannot take (a negative quantity, a unit code longer than its column, a case event off
 * its schema) is dead-lettered with the reason; other event types on these topics are not aggregated.
 * After the commit the changed indicators are queued for indicator-updated events, except while a
 * rebuild replays the logs.
 */
@ApplicationScoped
public class ActivityCaseConsumer implements BatchHandler {
    private final AgroalDataSource ds;
    private final IndicatorUpdates updates;
    private final DataVersion dataVersion;
    private final EventLoops loops;
    private final IndicatorsConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private volatile EventLoop loop;
    /** What the batch being applied changed; the loop runs apply and afterCommit on its one thread. */
    private List<ActivityApplier.Key> changed = List.of();
    private List<CaseApplier.Key> casesChanged = List.of();

    public ActivityCaseConsumer(AgroalDataSource ds, IndicatorUpdates updates, DataVersion dataVersion, EventLoops loops,
                                IndicatorsConfig config, TransactionSynchronizationRegistry transactions) {
        this.ds = ds;
        this.updates = updates;
        this.dataVersion = dataVersion;
        this.loops = loops;
        this.config = config;
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent e) {
        loop = loops.start(new EventLoop.Spec("activities", config.group().activities(), List.of(Topics.ACTIVITIES, Topics.CASE_EVENTS),
                config.activities().maxPollRecords()), this);
    }

    @Override
    public void apply(Batch batch) throws Exception {
        List<ActivityApplier.Activity> activities = new ArrayList<>(batch.events().size());
        List<CaseApplier.CaseChange> cases = new ArrayList<>();
        for (Received r : batch.events()) {
            try {
                if (Topics.CASE_EVENTS.equals(r.topic())) {
                    CaseApplier.CaseChange c = EventTypes.CASE_CHANGED.equals(r.type()) ? CaseApplier.change(r) : null;
                    if (c != null) {
                        cases.add(c);
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
        try (Connection c = ds.getConnection()) {
            changed = ActivityApplier.apply(c, activities);
            casesChanged = CaseApplier.apply(c, cases);
        }
    }

    @Override
    public void afterCommit(Batch batch) {
        dataVersion.changed();
        if (!batch.replaying()) {
            updates.publish(changed);
            updates.publishCases(casesChanged);
        }
    }

    /** Drops the derived tables and replays the activity and case logs (kept forever) from the beginning. */
    public RebuildStatus requestRebuild() {
        return status(loop.requestReplay(this::reset));
    }

    public RebuildStatus rebuildStatus() {
        return status(loop.replayStatus());
    }

    /** Runs in the replay's first transaction, together with forgetting the stored offsets. */
    private void reset() throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("truncate activity, month_value, case_event, case_count");
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dataVersion.changed();
                }
            }
        });
    }

    private static RebuildStatus status(EventLoop.ReplayStatus s) {
        return new RebuildStatus(s.state(), s.events(), s.target(), s.startedAt(), s.finishedAt());
    }
}
