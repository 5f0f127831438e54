package mx.gob.dif.programs.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.ProgramChanged;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Keeps this replica's caches ({@link PlanCache}, the org units of {@link OrgUnitService}) in step with
 * what any replica committed: every replica reads the catalog events this service publishes (through the
 * outbox, so only once their transaction committed) in a group of its own, and drops the plans they name
 * or reloads the org units. The platform's one consumer pattern; nothing is written but the loop's offsets.
 */
@ApplicationScoped
public class ReplicaCaches implements BatchHandler {
    static final String GROUP_PREFIX = "programs-caches-";
    private final EventLoops loops;
    private final PlanCache plans;
    private final OrgUnitService orgUnits;
    private final String instanceId;

    public ReplicaCaches(EventLoops loops, PlanCache plans, OrgUnitService orgUnits,
                         @ConfigProperty(name = "programs.instance-id") String instanceId) {
        this.loops = loops;
        this.plans = plans;
        this.orgUnits = orgUnits;
        this.instanceId = instanceId;
    }

    void start(@Observes StartupEvent e) {
        loops.start(spec(instanceId), this);
    }

    /** One replica's loop, in a group of its own: every replica reads every partition. */
    public static EventLoop.Spec spec(String instanceId) {
        return new EventLoop.Spec("replica-caches", GROUP_PREFIX + instanceId,
                List.of(Topics.ORG_UNITS, Topics.CATALOG_TARGETS, Topics.CATALOG_PROGRAMS), 2_000);
    }

    @Override
    public void apply(Batch batch) {
        // nothing to write: the caches change after the commit of the loop's offsets
    }

    @Override
    public void afterCommit(Batch batch) {
        boolean units = false;
        for (Received r : batch.events()) {
            switch (r.type()) {
                case EventTypes.TARGET_CHANGED -> {
                    TargetChanged t = r.data(TargetChanged.class);
                    plans.invalidate(t.planOrgUnit(), t.fiscalYear());
                }
                case EventTypes.PROGRAM_CHANGED -> {
                    ProgramChanged p = r.data(ProgramChanged.class);
                    plans.invalidate(p.planOrgUnit(), p.fiscalYear());
                }
                case EventTypes.ORG_UNIT_CHANGED -> units = true;
                default -> {
                    // other catalog events change nothing this service caches
                }
            }
        }
        if (units) {
            orgUnits.reloadCommitted();
        }
    }
}
