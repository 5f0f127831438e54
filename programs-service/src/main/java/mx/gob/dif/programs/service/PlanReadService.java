package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.domain.PlanValidation;
import mx.gob.dif.programs.persistence.PlanRevision;
import mx.gob.dif.programs.persistence.PlanSearch;
import mx.gob.dif.programs.persistence.StoredPlan;
import mx.gob.dif.programs.persistence.TargetRow;
import mx.gob.dif.programs.persistence.WorkPlanStore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading plans: whole documents, summaries, histories and listings, each within the caller's {@link PlanScope}. */
@ApplicationScoped
public class PlanReadService {
    private final WorkPlanStore store;
    private final PlanSearch search;
    private final PlanScope scope;

    public PlanReadService(WorkPlanStore store, PlanSearch search, PlanScope scope) {
        this.store = store;
        this.search = search;
        this.scope = scope;
    }

    /** The stored plan, 404 when unknown, 403 when its unit is not in line with the caller's. */
    public StoredPlan readable(UUID id) {
        StoredPlan s = store.find(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        scope.requireReadable(s.orgUnit());
        return s;
    }

    /** The plan of (orgUnit, year), 404 with a Spanish message when the unit has none, 403 out of line. */
    public StoredPlan readable(String orgUnit, int year) {
        scope.requireReadableFilter(orgUnit);
        StoredPlan s = store.find(orgUnit, year).orElseThrow(() -> ProblemException.notFound(
                "La unidad " + orgUnit + " no tiene plan de trabajo para " + year + "."));
        scope.requireReadable(s.orgUnit());
        return s;
    }

    /** The plan exactly as imported, preceded by its id, status and revision. */
    public ObjectNode get(UUID id) {
        StoredPlan s = readable(id);
        ObjectNode out = EventJson.MAPPER.createObjectNode();
        out.put("id", s.id().toString());
        out.put("status", s.status());
        out.put("revision", s.revision());
        out.setAll(PlanDocuments.parse(s.content()));
        return out;
    }

    /** The summary of a plan the caller has just read or written (no scope check of its own). */
    PlanSummary summary(UUID id) {
        StoredPlan s = store.find(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        return summary(s, PlanDocuments.parse(s.content()));
    }

    private static PlanSummary summary(StoredPlan s, JsonNode doc) {
        PlanValidation.Result r = PlanValidation.validate(doc);
        return new PlanSummary(s.id(), s.orgUnit(), s.fiscalYear(), s.status(), s.revision(), doc.path("unit").asText(null),
                r.programs(), r.actions(), r.targets().size(), r.outcomeGoals(), s.updatedAt(), s.updatedBy());
    }

    /** "Cuadros Resumen": counts and investment by source. */
    public SummaryTables summaryTables(UUID id) {
        StoredPlan stored = readable(id);
        JsonNode doc = PlanDocuments.parse(stored.content());
        PlanSummary s = summary(stored, doc);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal municipal = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        List<SummaryTables.ProgramTotals> perProgram = new ArrayList<>();
        for (JsonNode p : doc.path("programs")) {
            JsonNode inv = p.path("investment");
            total = total.add(inv.path("total").decimalValue());
            municipal = municipal.add(inv.path("municipal").decimalValue());
            other = other.add(inv.path("otherSources").decimalValue());
            int targets = 0;
            for (JsonNode a : p.path("actions")) {
                targets += a.path("targets").size();
            }
            perProgram.add(new SummaryTables.ProgramTotals(p.path("code").asText(), p.path("name").asText(), p.path("actions").size(),
                    targets, p.path("interventionGoals").size(), inv.path("total").decimalValue()));
        }
        return new SummaryTables(id, s.orgUnit(), s.fiscalYear(), s.programs(), s.actions(), s.outcomeGoals(), s.targets(),
                new SummaryTables.Investment(total, municipal, other), doc.get("budget"), perProgram);
    }

    public List<PlanRevision> revisions(UUID id) {
        readable(id);
        return store.revisions(id);
    }

    /** One program of the plan of (orgUnit, year), complete as imported. */
    public ObjectNode program(String code, String orgUnit, int year) {
        StoredPlan s = readable(orgUnit, year);
        for (JsonNode p : PlanDocuments.parse(s.content()).path("programs")) {
            if (code.equals(p.path("code").asText())) {
                ObjectNode out = EventJson.MAPPER.createObjectNode();
                out.put("planId", s.id().toString());
                out.put("orgUnit", orgUnit);
                out.put("fiscalYear", year);
                out.setAll((ObjectNode) p);
                return out;
            }
        }
        throw ProblemException.notFound("El plan " + year + " de la unidad " + orgUnit + " no tiene el programa '" + code + "'.");
    }

    /** Plans by org unit and year; without an {@code orgUnit} filter, those of the units the caller may read. */
    public Page<PlanSummary> list(String orgUnit, Integer year, int page, int size) {
        scope.requireReadableFilter(orgUnit);
        Page.check(page, size);
        Page<UUID> ids = search.planIds(orgUnit, year, scope.visible(), page, size);
        return new Page<>(ids.items().stream().map(this::summary).toList(), page, size, ids.total());
    }

    /** Targets of every plan the caller may read, filtered, sorted and paged. */
    public Page<TargetRow> searchTargets(PlanSearch.TargetFilter filter, String sort, int page, int size) {
        scope.requireReadableFilter(filter.orgUnit());
        Page.check(page, size);
        return search.targets(filter, scope.visible(), sort, page, size);
    }
}
