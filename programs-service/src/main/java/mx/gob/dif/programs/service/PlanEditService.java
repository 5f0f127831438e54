package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.programs.domain.PlanEdits;
import mx.gob.dif.programs.domain.PlanValidation;
import mx.gob.dif.programs.persistence.StoredPlan;
import mx.gob.dif.programs.persistence.WorkPlanStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Changes of a stored plan: one program, action or target at a time (see {@link PlanEdits}), and approval. */
@ApplicationScoped
public class PlanEditService {
    private final WorkPlanStore store;
    private final PlanWriter writer;
    private final PlanReadService reads;
    private final PlanScope scope;

    public PlanEditService(WorkPlanStore store, PlanWriter writer, PlanReadService reads, PlanScope scope) {
        this.store = store;
        this.writer = writer;
        this.reads = reads;
        this.scope = scope;
    }

    /** One change of a plan document; returns what it did. */
    @FunctionalInterface
    public interface PlanEdit {
        PlanEdits.Outcome apply(ObjectNode document);
    }

    /** The stored document of a plan, for single-entity reads (403 out of line). */
    public EditResult read(UUID id) {
        return unchanged(reads.readable(id));
    }

    /** The document of the plan of (orgUnit, year), for the lists found by unit and year. */
    public EditResult read(String orgUnit, int year) {
        return unchanged(reads.readable(orgUnit, year));
    }

    /**
     * Applies one change to the plan's document and stores it through the same path as an import:
     * the whole document is validated (422 with field names relative to the entity changed), an
     * identical result changes nothing, otherwise a revision is recorded and catalog events are
     * written to the outbox. The plan row is locked for the transaction: concurrent edits queue.
     *
     * @param expectedRevision when not null (from {@code If-Match}), the change is refused with 412
     *                         if the plan has another revision: someone changed it since it was read
     * @param amendment        why the plan of a closed fiscal year is changed ({@link PlanWriter}); null when none
     */
    @Transactional
    public EditResult edit(UUID id, Integer expectedRevision, String amendment, PlanEdit change) {
        StoredPlan s = store.lock(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        scope.requireChangeable(s.orgUnit());
        if (expectedRevision != null && expectedRevision != s.revision()) {
            throw new ProblemException(412, "El plan cambió", "El plan está en la revisión " + s.revision() + " y usted lo leyó en la "
                    + expectedRevision + ": alguien lo modificó mientras tanto. Vuelva a leerlo, revise los cambios y reintente.");
        }
        ObjectNode doc = PlanDocuments.parse(s.content());
        PlanEdits.Outcome outcome = change.apply(doc);
        PlanValidation.Result result = PlanValidation.validate(doc, true);
        if (!result.ok()) {
            throw invalid(outcome, result);
        }
        String sha = PlanDocuments.sha(doc);
        if (PlanDocuments.sameContent(s, doc, sha)) {
            return new EditResult(s.id(), s.orgUnit(), s.fiscalYear(), s.status(), s.revision(), false, doc);
        }
        PlanWriter.Written w = writer.write(Optional.of(s), new PlanWriter.Change(s.orgUnit(), s.fiscalYear(), doc, sha,
                result.targets(), scope.user(), "Edición (" + outcome.label() + ")", amendment));
        return new EditResult(s.id(), s.orgUnit(), s.fiscalYear(), w.status(), w.revision(), true, doc);
    }

    /** DRAFT → APPROVED; 409 when it already is. */
    @Transactional
    public PlanSummary approve(UUID id) {
        StoredPlan s = store.find(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        scope.requireChangeable(s.orgUnit());
        if ("APPROVED".equals(s.status())) {
            throw ProblemException.conflict("El plan ya está aprobado.");
        }
        store.approve(id, s.revision(), scope.user());
        return reads.summary(id);
    }

    /** 422 naming each problem's field relative to the entity changed (the full path when it lies elsewhere). */
    private static ProblemException invalid(PlanEdits.Outcome outcome, PlanValidation.Result result) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String prefix = outcome.scope() == null ? null : outcome.scope() + ".";
        for (PlanValidation.Problem p : result.problems()) {
            String field = prefix != null && p.field().startsWith(prefix) ? p.field().substring(prefix.length()) : p.field();
            errors.add(Problem.FieldError.of(null, field, p.message()));
        }
        return ProblemException.unprocessable(errors.size() == 1 ? errors.get(0).message()
                : "El cambio deja " + errors.size() + " error(es) en el plan; no se guardó nada.", errors);
    }

    private static EditResult unchanged(StoredPlan s) {
        return new EditResult(s.id(), s.orgUnit(), s.fiscalYear(), s.status(), s.revision(), false, PlanDocuments.parse(s.content()));
    }
}
