package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.programs.domain.OutcomeGoalDef;
import mx.gob.dif.programs.domain.PlanTargetDef;
import mx.gob.dif.programs.domain.PlanValidation;
import mx.gob.dif.programs.domain.ReportingCycle;
import mx.gob.dif.programs.persistence.ReportingStore;
import mx.gob.dif.programs.persistence.StoredPlan;
import mx.gob.dif.programs.persistence.WorkPlanStore;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one versioned write path of a plan, for imports and single-entity edits alike: stores the
 * document, records a revision with the previous content (who, when, what changed) when the plan
 * already existed, re-indexes its targets, writes the catalog events to the outbox and drops the
 * plan from the ingestion cache. Runs inside the caller's transaction.
 * <p>
 * A stored plan whose fiscal year is closed (all 12 months of the plan's unit accepted, {@link ReportingCycle#yearClosed})
 * changes only as an amendment: the change must say why ({@code amendment}), which its revision records; without it, 409.
 */
@ApplicationScoped
public class PlanWriter {
    private static final Logger LOG = Logger.getLogger(PlanWriter.class);
    private static final int MAX_AMENDMENT = 1000;
    private final WorkPlanStore store;
    private final CatalogEvents events;
    private final PlanCache planCache;
    private final ReportingStore reporting;

    public PlanWriter(WorkPlanStore store, CatalogEvents events, PlanCache planCache, ReportingStore reporting) {
        this.store = store;
        this.events = events;
        this.planCache = planCache;
        this.reporting = reporting;
    }

    /** What was stored: the plan's id, its revision and status after the write. */
    public record Written(UUID id, int revision, String status) {
    }

    /**
     * A validated document to store for (orgUnit, year), hashed {@code sha}, with its targets; {@code amendment} is why
     * the plan of a closed year is changed (null when none was given).
     */
    public record Change(String orgUnit, int year, JsonNode plan, String sha, List<PlanTargetDef> targets, String user, String label,
                         String amendment) {
    }

    public Written write(Optional<StoredPlan> existing, Change change) {
        String content = PlanDocuments.json(change.plan());
        String unitName = change.plan().path("unit").asText(null);
        List<OutcomeGoalDef> goalsNow = PlanValidation.validate(change.plan(), true).goals();
        String amendment = amendment(change, existing.isPresent());
        CatalogEvents.Before before = CatalogEvents.Before.NOTHING;
        Written written;
        if (existing.isEmpty()) {
            written = new Written(UUID.randomUUID(), 1, "DRAFT");
            store.insert(written.id(), change.orgUnit(), change.year(), unitName, content, change.sha(), change.user());
        } else {
            StoredPlan s = existing.get();
            before = before(s);
            written = new Written(s.id(), s.revision() + 1, s.status());
            store.update(s.id(), written.revision(), unitName, content, change.sha(), change.user(),
                    describe(amendment == null ? change.label() : "Enmienda (" + change.label() + ")", before.targets(), change.targets()),
                    amendment);
        }
        store.replaceTargets(written.id(), change.targets());
        events.publish(change.orgUnit(), change.year(), change.plan(), change.targets(), goalsNow, before);
        planCache.invalidate(change.orgUnit(), change.year());
        LOG.infof("Work plan %s/%d %s (revision %d, %d targets)", change.orgUnit(), change.year(),
                existing.isEmpty() ? "created" : "updated", written.revision(), change.targets().size());
        return written;
    }

    /** The change's amendment, trimmed (null when none); 409 when a stored plan's year is closed and none was given. */
    private String amendment(Change change, boolean stored) {
        String amendment = change.amendment() == null || change.amendment().isBlank() ? null : change.amendment().trim();
        if (amendment != null && amendment.length() > MAX_AMENDMENT) {
            throw ProblemException.unprocessable("El motivo de la enmienda es demasiado largo.", List.of(Problem.FieldError.of(null,
                    "amendment", "El motivo de la enmienda admite hasta " + MAX_AMENDMENT + " caracteres.")));
        }
        if (amendment == null && stored && ReportingCycle.yearClosed(change.year(), reporting.year(change.orgUnit(), change.year()))) {
            throw ProblemException.conflict("El año fiscal " + change.year() + " de la unidad " + change.orgUnit() + " está cerrado: sus 12 "
                    + "meses fueron aceptados. Un cambio a su plan es una enmienda: repita la solicitud con el motivo, p. ej. "
                    + "?amendment=Corrección de la meta según el oficio 123 (queda registrado quién, cuándo y por qué).");
        }
        return amendment;
    }

    private CatalogEvents.Before before(StoredPlan s) {
        JsonNode doc = PlanDocuments.parse(s.content());
        Set<String> programs = new LinkedHashSet<>();
        doc.path("programs").forEach(p -> programs.add(p.path("code").asText()));
        return new CatalogEvents.Before(store.targets(s.id()), programs, PlanValidation.validate(doc, true).goals());
    }

    /** The revision's summary: how many targets were added, changed and removed. */
    static String describe(String label, Map<String, PlanTargetDef> before, List<PlanTargetDef> after) {
        int added = 0;
        int changed = 0;
        Set<String> seen = new HashSet<>();
        for (PlanTargetDef t : after) {
            seen.add(t.indicatorCode());
            PlanTargetDef old = before.get(t.indicatorCode());
            if (old == null) {
                added++;
            } else if (!old.equals(t)) {
                changed++;
            }
        }
        long removed = before.keySet().stream().filter(k -> !seen.contains(k)).count();
        return label + ": " + added + " meta(s) nueva(s), " + changed + " modificada(s), " + removed
                + " eliminada(s); el contenido anterior se conserva en esta revisión.";
    }
}
