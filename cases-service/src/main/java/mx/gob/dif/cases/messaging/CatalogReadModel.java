package mx.gob.dif.cases.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import mx.gob.dif.cases.config.ConsumerGroups;
import mx.gob.dif.events.OrgUnitChanged;
import mx.gob.dif.events.ProgramChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;

import java.util.List;

/**
 * What cases-service knows of programs-service's catalog, built from its compacted topics:
 * the programs of each unit's plan (enrollments are validated against them) and unit names
 * (for letters). Upserts, so a redelivered event changes nothing; a batch that cannot be written
 * (database down) is retried, never skipped.
 */
@ApplicationScoped
public class CatalogReadModel implements BatchHandler {
    /** The column lengths of program_catalog and org_unit (V1__cases.sql). */
    private static final int UNIT = 10;
    private static final int CODE = 40;
    private static final int LEVEL = 16;
    /** Names are text columns; this only keeps a runaway producer out. */
    private static final int NAME = 2000;
    private final EntityManager em;

    public CatalogReadModel(EntityManager em) {
        this.em = em;
    }

    void start(@Observes StartupEvent e, EventLoops loops, ConsumerGroups groups) {
        loops.start(new EventLoop.Spec("cases-catalog", groups.catalog(), List.of(Topics.CATALOG_PROGRAMS, Topics.ORG_UNITS), 500), this);
    }

    @Override
    public void apply(Batch batch) throws Exception {
        for (Received r : batch.events()) {
            try {
                if (r.event().data() instanceof ProgramChanged p) {
                    upsert(checked(p));
                } else if (r.event().data() instanceof OrgUnitChanged u) {
                    upsert(checked(u));
                } else {
                    throw new Refused("cases-service reads only program and org-unit changes from the catalog, not " + r.type());
                }
            } catch (Refused e) {
                batch.deadLetter(r, e.getMessage());
            }
        }
    }

    private void upsert(ProgramChanged p) {
        em.createNativeQuery("""
                        insert into program_catalog(org_unit, fiscal_year, code, name, deleted) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (org_unit, fiscal_year, code) do update set name = excluded.name, deleted = excluded.deleted""")
                .setParameter(1, p.planOrgUnit()).setParameter(2, p.fiscalYear()).setParameter(3, p.programCode())
                .setParameter(4, p.programName()).setParameter(5, p.deleted())
                .executeUpdate();
    }

    private void upsert(OrgUnitChanged u) {
        em.createNativeQuery("""
                        insert into org_unit(code, name, level, parent) values (?1, ?2, ?3, ?4)
                        on conflict (code) do update set name = excluded.name, level = excluded.level, parent = excluded.parent""")
                .setParameter(1, u.code()).setParameter(2, u.name()).setParameter(3, u.level()).setParameter(4, u.parent())
                .executeUpdate();
    }

    /** The event, if every value fits its column (one that does not would fail in SQL for ever). */
    static ProgramChanged checked(ProgramChanged p) throws Refused {
        Refused.required("planOrgUnit", p.planOrgUnit(), UNIT);
        Refused.required("programCode", p.programCode(), CODE);
        Refused.fits("programName", p.programName(), NAME);
        return p;
    }

    static OrgUnitChanged checked(OrgUnitChanged u) throws Refused {
        Refused.required("code", u.code(), UNIT);
        Refused.required("name", u.name(), NAME);
        Refused.fits("level", u.level(), LEVEL);
        Refused.fits("parent", u.parent(), UNIT);
        return u;
    }
}
