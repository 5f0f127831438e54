package mx.gob.dif.indicators.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.OrgUnitChanged;
import mx.gob.dif.events.OutcomeGoalChanged;
import mx.gob.dif.events.ProgramChanged;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.domain.CaseMetric;
import mx.gob.dif.indicators.domain.MeasurementMethod;
import mx.gob.dif.indicators.persistence.CatalogTables;
import mx.gob.dif.indicators.service.Catalog;
import mx.gob.dif.indicators.service.DataVersion;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog loop: org units, programs, targets and outcome goals from their compacted topics into
 * the catalog tables (upserts, last event wins) in the loop's transaction, then into the in-memory
 * {@link Catalog} once committed. Every instance of the service reads the whole catalog with a group of
 * its own ({@code indicators.group.catalog} and the instance id) and writes the same tables: a row changes
 * only for an event not older than the one it holds, and the in-memory copy only with the row. The loop
 * also reads {@link Topics#INDICATORS_REBUILDS}: a rebuild asked on any instance sends this instance's
 * activity loops back to the beginning ({@link Rebuilds}). An event this service cannot use (an unknown measurement method or
 * case metric, a ratio side naming both or neither of indicator and case metric, a code longer than
 * its column, a schedule that is not 12 non-negative quantities) is dead-lettered with the reason.
 */
@ApplicationScoped
public class CatalogConsumer implements BatchHandler {
    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);
    private final AgroalDataSource ds;
    private final Catalog catalog;
    private final CatalogTables tables;
    private final DataVersion dataVersion;
    private final EventLoops loops;
    private final IndicatorsConfig config;
    private final Rebuilds rebuilds;
    /** Cache updates of the batch being applied; the loop runs apply and afterCommit on its one thread. */
    private List<Runnable> afterCommit = new ArrayList<>();

    public CatalogConsumer(AgroalDataSource ds, Catalog catalog, CatalogTables tables, DataVersion dataVersion, EventLoops loops,
                           IndicatorsConfig config, Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
        this.ds = ds;
        this.catalog = catalog;
        this.tables = tables;
        this.dataVersion = dataVersion;
        this.loops = loops;
        this.config = config;
    }

    void start(@Observes StartupEvent e) {
        catalog.load();
        loops.start(spec(config, config.instanceId()), this);
    }

    /** The loop of one instance, in a group of its own: each instance reads every partition of the catalog. */
    public static EventLoop.Spec spec(IndicatorsConfig config, String instanceId) {
        return new EventLoop.Spec("catalog", config.group().catalog() + "-" + instanceId,
                List.of(Topics.ORG_UNITS, Topics.CATALOG_PROGRAMS, Topics.CATALOG_TARGETS, Topics.CATALOG_OUTCOME_GOALS,
                        Topics.INDICATORS_REBUILDS), config.catalog().maxPollRecords());
    }

    @Override
    public void apply(Batch batch) throws Exception {
        afterCommit = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (Received r : batch.events()) {
                try {
                    apply(c, r);
                } catch (Refused e) {
                    batch.deadLetter(r, e.getMessage());
                }
            }
        }
    }

    private void apply(Connection c, Received r) throws Exception {
        switch (r.type()) {
            case EventTypes.ORG_UNIT_CHANGED -> {
                Catalog.Unit u = unit(r.data(OrgUnitChanged.class));
                if (tables.persistUnit(c, u, r.offset())) {
                    afterCommit.add(() -> catalog.cacheUnit(u));
                }
            }
            case EventTypes.TARGET_CHANGED -> {
                TargetChanged d = r.data(TargetChanged.class);
                Catalog.Target t = target(d);
                if (tables.persistTarget(c, t, d.deleted(), r.offset())) {
                    afterCommit.add(() -> catalog.cacheTarget(t, d.deleted()));
                }
            }
            case EventTypes.PROGRAM_CHANGED -> {
                Catalog.Program p = program(r.data(ProgramChanged.class));
                if (tables.persistProgram(c, p, r.offset())) {
                    afterCommit.add(() -> catalog.cacheProgram(p));
                }
            }
            case EventTypes.OUTCOME_GOAL_CHANGED -> {
                OutcomeGoalChanged d = r.data(OutcomeGoalChanged.class);
                Catalog.Goal g = goal(d);
                if (tables.persistGoal(c, g, d.deleted(), r.offset())) {
                    afterCommit.add(() -> catalog.cacheGoal(g, d.deleted()));
                }
            }
            case EventTypes.INDICATORS_REBUILD_REQUESTED -> afterCommit.add(rebuilds::repositionActivityLoops);
            default -> LOG.debugf("Ignoring catalog event type %s", r.type());
        }
    }

    @Override
    public void afterCommit(Batch batch) {
        afterCommit.forEach(Runnable::run);
        dataVersion.changed();
    }

    // ------------------------------------------------------------------ events → catalog records (column widths: V1, V2, V4)

    static Catalog.Unit unit(OrgUnitChanged d) throws Refused {
        return new Catalog.Unit(Refused.required("code", d.code(), 16), d.name(), Refused.fits("level", d.level(), 16),
                Refused.fits("parent", d.parent(), 16));
    }

    static Catalog.Target target(TargetChanged d) throws Refused {
        String method = d.method() == null ? "SUM" : Refused.fits("method", d.method(), 32);
        try {
            MeasurementMethod.of(method);
        } catch (IllegalArgumentException e) {
            throw new Refused("unknown measurement method");
        }
        metric(d.caseMetric());
        if (d.annualTarget() == null) {
            throw new Refused("missing annualTarget");
        }
        return new Catalog.Target(Refused.required("planOrgUnit", d.planOrgUnit(), 16), d.fiscalYear(),
                Refused.required("indicatorCode", d.indicatorCode(), 64), Refused.required("programCode", d.programCode(), 64),
                d.programName(), Refused.fits("actionCode", d.actionCode(), 64), d.actionDescription(), d.unit(), d.annualTarget(),
                method, d.components() == null ? List.of() : d.components(), d.calendarMonths() == null ? List.of() : d.calendarMonths(),
                d.caseMetric(), schedule(d.schedule()));
    }

    /** Null (no schedule) or exactly 12 non-negative monthly quantities. */
    private static List<BigDecimal> schedule(List<BigDecimal> s) throws Refused {
        if (s == null) {
            return null;
        }
        if (s.size() != 12 || s.stream().anyMatch(q -> q == null || q.signum() < 0)) {
            throw new Refused("schedule needs 12 non-negative monthly quantities");
        }
        return List.copyOf(s);
    }

    static Catalog.Program program(ProgramChanged d) throws Refused {
        return new Catalog.Program(Refused.required("planOrgUnit", d.planOrgUnit(), 16), d.fiscalYear(),
                Refused.required("programCode", d.programCode(), 64), d.programName(),
                d.calendarMonths() == null ? List.of() : d.calendarMonths(), d.indicatorCodes() == null ? List.of() : d.indicatorCodes(),
                d.deleted());
    }

    static Catalog.Goal goal(OutcomeGoalChanged d) throws Refused {
        return new Catalog.Goal(Refused.required("planOrgUnit", d.planOrgUnit(), 16), d.fiscalYear(),
                Refused.required("goalCode", d.goalCode(), 64), Refused.required("programCode", d.programCode(), 64),
                d.component(), d.goal(), side(d.numerator()), side(d.denominator()), d.targetPercent());
    }

    /** One side of an outcome goal's ratio: exactly one of indicator and a known case metric. */
    private static Catalog.Side side(OutcomeGoalChanged.Ref ref) throws Refused {
        if (ref == null) {
            return null;
        }
        if ((ref.indicator() == null) == (ref.caseMetric() == null)) {
            throw new Refused("a ratio side needs exactly one of indicator and caseMetric");
        }
        metric(ref.caseMetric());
        return new Catalog.Side(Refused.fits("indicator", ref.indicator(), 64), ref.caseMetric());
    }

    private static void metric(String caseMetric) throws Refused {
        try {
            CaseMetric.ofTarget(caseMetric);
        } catch (IllegalArgumentException e) {
            throw new Refused("unknown caseMetric");
        }
    }
}
