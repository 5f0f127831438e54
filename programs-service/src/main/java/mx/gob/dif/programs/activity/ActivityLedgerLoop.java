package mx.gob.dif.programs.activity;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Why the ledger cannot fall behind Kafka for good (issue 13): this service reads its own topic
 * {@link Topics#ACTIVITIES} with the messaging module's {@link EventLoop} (loop and group
 * {@value #GROUP}, offsets stored with the rows) and writes every report and retraction into the
 * ledger, idempotent by activity id. The request path writes the same rows right after the Kafka
 * commit, so a client reads its report back at once; when that write fails (PostgreSQL down or
 * frozen at that moment), this loop writes the row as soon as the database answers, with the note
 * kept in {@link ActivityNotes} before publishing. Chosen over a second write with retries on the
 * request path because it needs no state outside the database and Kafka, survives a crash of the
 * service between commit and ledger write, and is the platform's one consumer pattern.
 * <p>
 * An event the ledger cannot hold (a field longer than its column, a negative quantity, a retraction
 * of an unknown report) is dead-lettered with the reason, as indicators-service does with the same
 * events; other event types on the topic are not part of the ledger.
 */
@ApplicationScoped
public class ActivityLedgerLoop implements BatchHandler {
    static final String GROUP = "programs-activity-ledger";
    private static final Logger LOG = Logger.getLogger(ActivityLedgerLoop.class);
    /** Longer than any Kafka transaction stays open (transaction.timeout.ms): older note rows without a report are orphans. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final EventLoops loops;
    private final ActivityLedger ledger;
    private final ActivityNotes notes;
    private volatile EventLoop loop;

    public ActivityLedgerLoop(EventLoops loops, ActivityLedger ledger, ActivityNotes notes) {
        this.loops = loops;
        this.ledger = ledger;
        this.notes = notes;
    }

    void start(@Observes StartupEvent e) {
        loop = loops.start(new EventLoop.Spec("activity-ledger", GROUP, List.of(Topics.ACTIVITIES), 5_000), this);
    }

    @Override
    public void apply(Batch batch) throws Exception {
        List<ActivityLedger.Entry> reports = new ArrayList<>();
        Map<UUID, OffsetDateTime> retractions = new LinkedHashMap<>();
        Map<UUID, Received> retractionEvents = new HashMap<>();
        for (Received r : batch.events()) {
            try {
                if (EventTypes.ACTIVITY_REPORTED.equals(r.type())) {
                    reports.add(ActivityLedger.Entry.of(checked(r.data(ActivityReported.class)), time(r)));
                } else if (EventTypes.ACTIVITY_RETRACTED.equals(r.type())) {
                    UUID id = id(r.data(ActivityRetracted.class).activityId());
                    retractions.put(id, time(r));
                    retractionEvents.put(id, r);
                }
            } catch (Refused e) {
                batch.deadLetter(r, e.getMessage());
            }
        }
        // reports first: a retraction always follows its report on the same partition, maybe in this very batch
        ledger.record(reports);
        Set<UUID> known = ledger.markRetracted(retractions);
        for (Map.Entry<UUID, Received> e : retractionEvents.entrySet()) {
            if (!known.contains(e.getKey())) {
                batch.deadLetter(e.getValue(), "retraction of a report the ledger does not have");
            }
        }
    }

    /**
     * The report as the ledger holds it; refused when it would not fit (columns of V100). Like
     * indicators-service, a report without plan unit counts for its own unit.
     */
    static ActivityReported checked(ActivityReported a) throws Refused {
        id(a.activityId());
        Refused.required("indicator", a.indicator(), ReportValidator.MAX_CODE);
        Refused.required("orgUnit", a.orgUnit(), ReportValidator.MAX_UNIT);
        Refused.fits("planOrgUnit", a.planOrgUnit(), ReportValidator.MAX_UNIT);
        if (a.date() == null) {
            throw new Refused("missing date");
        }
        if (a.quantity() == null || a.quantity().signum() < 0) {
            throw new Refused("quantity must be a non-negative number");
        }
        boolean noPlan = a.planOrgUnit() == null || a.planOrgUnit().isBlank();
        return noPlan || a.fiscalYear() <= 0 ? new ActivityReported(a.activityId(), a.indicator(), a.orgUnit(),
                noPlan ? a.orgUnit() : a.planOrgUnit(), a.fiscalYear() > 0 ? a.fiscalYear() : a.date().getYear(), a.date(),
                a.quantity()) : a;
    }

    private static UUID id(String activityId) throws Refused {
        Refused.required("activityId", activityId, 36);
        try {
            return UUID.fromString(activityId);
        } catch (IllegalArgumentException e) {
            throw new Refused("activityId is not a UUID");
        }
    }

    private static OffsetDateTime time(Received r) {
        return r.event().time() != null ? r.event().time() : OffsetDateTime.now();
    }

    /** True while the loop runs, has read every committed record and its last batch succeeded. */
    boolean caughtUp() {
        EventLoop l = loop;
        return l != null && l.alive() && l.lag() == 0 && l.lastError() == null;
    }

    @Scheduled(every = "10m", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOrphanNotes() {
        if (!caughtUp()) {
            return;
        }
        try {
            int n = notes.purgeOrphans(ORPHAN_AGE);
            if (n > 0) {
                LOG.infof("Deleted the notes of %d reports that were never published", n);
            }
        } catch (Exception e) {
            LOG.warnf("Purging the notes of unpublished reports will be retried: %s", e.toString());
        }
    }
}
