package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.domain.PlanValidation;
import mx.gob.dif.programs.persistence.StoredPlan;
import mx.gob.dif.programs.persistence.WorkPlanStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whole plans: imported (JSON, or read from XLSX/CSV into the same document) and created empty. */
@ApplicationScoped
public class PlanImportService {
    private final WorkPlanStore store;
    private final PlanWriter writer;
    private final PlanReadService reads;
    private final OrgUnitService orgUnits;
    private final PlanScope scope;

    public PlanImportService(WorkPlanStore store, PlanWriter writer, PlanReadService reads, OrgUnitService orgUnits, PlanScope scope) {
        this.store = store;
        this.writer = writer;
        this.reads = reads;
        this.orgUnits = orgUnits;
        this.scope = scope;
    }

    /**
     * Validates and stores a plan document; idempotent: the same content again changes nothing.
     * The document stays a JSON tree: it is stored and read back exactly as given (fields a unit
     * adds, the digits of its amounts), and every problem in it is a 422 naming its path.
     */
    @Transactional
    public ImportResult importPlan(ObjectNode plan, boolean dryRun, String amendment) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String orgUnit = plan.path("orgUnit").isValueNode() ? plan.path("orgUnit").asText().trim() : null;
        checkUnit(orgUnit, errors);
        Integer year = checkYear(plan.get("fiscalYear"), "2021", errors);
        PlanValidation.Result result = PlanValidation.validate(plan);
        result.problems().forEach(p -> errors.add(Problem.FieldError.of(null, p.field(), p.message())));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El plan tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        String sha = PlanDocuments.sha(plan);
        Optional<StoredPlan> existing = store.lock(orgUnit, year);
        boolean same = existing.isPresent() && PlanDocuments.sameContent(existing.get(), plan, sha);
        if (dryRun || same) {
            return new ImportResult(existing.map(StoredPlan::id).orElse(null), orgUnit, year, existing.isEmpty() && dryRun, !same,
                    dryRun, existing.map(StoredPlan::status).orElse("DRAFT"), existing.map(StoredPlan::revision).orElse(0),
                    result.programs(), result.actions(), result.targets().size(), result.outcomeGoals());
        }
        PlanWriter.Written w = writer.write(existing, new PlanWriter.Change(orgUnit, year, plan, sha, result.targets(),
                scope.user(), "Reimportación", amendment));
        return new ImportResult(w.id(), orgUnit, year, existing.isEmpty(), true, false, w.status(), w.revision(),
                result.programs(), result.actions(), result.targets().size(), result.outcomeGoals());
    }

    /** Creates an empty DRAFT plan; 409 when the unit already has a plan that year. */
    @Transactional
    public PlanSummary createEmpty(NewPlan command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String orgUnit = command.orgUnit() == null ? null : command.orgUnit().trim();
        checkUnit(orgUnit, errors);
        Integer year = checkYear(command.fiscalYear() == null ? null : EventJson.MAPPER.getNodeFactory().numberNode(command.fiscalYear()),
                "2022", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El plan tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        Optional<StoredPlan> existing = store.find(orgUnit, year);
        if (existing.isPresent()) {
            throw ProblemException.conflict("La unidad " + orgUnit + " ya tiene plan de trabajo para " + year + " (id "
                    + existing.get().id() + "); modifíquelo en /api/v1/work-plans/" + existing.get().id() + ".");
        }
        ObjectNode plan = EventJson.MAPPER.createObjectNode();
        plan.put("orgUnit", orgUnit);
        plan.put("fiscalYear", year);
        if (command.unit() != null && !command.unit().isBlank()) {
            plan.put("unit", command.unit().trim());
        }
        plan.putArray("programs");
        PlanWriter.Written w = writer.write(Optional.empty(), new PlanWriter.Change(orgUnit, year, plan, PlanDocuments.sha(plan),
                List.of(), scope.user(), "Creación", null));
        return reads.summary(w.id());
    }

    /** The plan's unit: present, existing, and covered by the caller (403 otherwise). */
    private void checkUnit(String orgUnit, List<Problem.FieldError> errors) {
        if (orgUnit == null || orgUnit.isEmpty()) {
            errors.add(Problem.FieldError.of(null, "orgUnit", "Falta 'orgUnit': la clave INEGI de la unidad dueña del plan (p. ej. 10005)."));
        } else if (orgUnits.find(orgUnit).isEmpty()) {
            errors.add(Problem.FieldError.of(null, "orgUnit", "La unidad '" + orgUnit + "' no existe. Consulte /api/v1/org-units."));
        } else {
            scope.requireChangeable(orgUnit);
        }
    }

    private static Integer checkYear(JsonNode fy, String example, List<Problem.FieldError> errors) {
        if (fy == null || !fy.isIntegralNumber() || !fy.canConvertToInt()) {
            errors.add(Problem.FieldError.of(null, "fiscalYear", "Falta 'fiscalYear' o no es un año entero (p. ej. " + example + ")."));
            return null;
        }
        if (fy.asInt() < 2000 || fy.asInt() > 2100) {
            errors.add(Problem.FieldError.of(null, "fiscalYear", "El año fiscal " + fy.asInt() + " está fuera de rango (2000–2100)."));
            return null;
        }
        return fy.asInt();
    }
}
