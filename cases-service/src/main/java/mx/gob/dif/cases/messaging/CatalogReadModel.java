package mx.gob.dif.cases.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.OrgUnitChanged;
import mx.gob.dif.events.ProgramChanged;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What cases-service knows of programs-service's catalog, built from its compacted topics:
 * the programs of each unit's plan (enrollments are validated against them) and unit names
 * (for letters). Upserts, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class CatalogReadModel {
    private static final Logger LOG = Logger.getLogger(CatalogReadModel.class);
    private final EntityManager em;

    public CatalogReadModel(EntityManager em) {
        this.em = em;
    }

    @Incoming("catalog-programs")
    @Blocking
    @Transactional
    public void onProgram(String json) {
        ProgramChanged p = data(json, ProgramChanged.class);
        if (p == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into program_catalog(org_unit, fiscal_year, code, name, deleted) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (org_unit, fiscal_year, code) do update set name = excluded.name, deleted = excluded.deleted""")
                .setParameter(1, p.planOrgUnit()).setParameter(2, p.fiscalYear()).setParameter(3, p.programCode())
                .setParameter(4, p.programName()).setParameter(5, p.deleted())
                .executeUpdate();
    }

    @Incoming("catalog-org-units")
    @Blocking
    @Transactional
    public void onOrgUnit(String json) {
        OrgUnitChanged u = data(json, OrgUnitChanged.class);
        if (u == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into org_unit(code, name, level, parent) values (?1, ?2, ?3, ?4)
                        on conflict (code) do update set name = excluded.name, level = excluded.level, parent = excluded.parent""")
                .setParameter(1, u.code()).setParameter(2, u.name()).setParameter(3, u.level()).setParameter(4, u.parent())
                .executeUpdate();
    }

    private static <T> T data(String json, Class<T> type) {
        try {
            JsonNode node = EventJson.MAPPER.readTree(json);
            return EventJson.MAPPER.treeToValue(node.get("data"), type);
        } catch (Exception e) {
            LOG.warnf("Skipping a malformed catalog event: %s", e.getClass().getSimpleName());
            return null;
        }
    }
}
