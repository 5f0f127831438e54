package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.api.DeliveryRequest;
import mx.gob.dif.cases.api.FollowUpPetition;
import mx.gob.dif.cases.api.TaskList;
import mx.gob.dif.cases.config.CasesConfig;
import mx.gob.dif.cases.domain.FollowUpSchedule;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.FollowUpRequest;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.CaseEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Offices' petitions for a case's follow-up report, the report itself, and the workers' task lists. */
@ApplicationScoped
public class FollowUpService {
    private final CaseService cases;
    private final CaseEvents events;
    private final Folios folios;
    private final CaseDocuments documents;
    private final FollowUpSchedule schedule;
    private final CaseScope scope;

    public FollowUpService(CaseService cases, CaseEvents events, Folios folios, CaseDocuments documents, CasesConfig config,
                           CaseScope scope) {
        this.scope = scope;
        this.cases = cases;
        this.events = events;
        this.folios = folios;
        this.documents = documents;
        this.schedule = config.followUpSchedule();
    }

    /** An office asks for the case's follow-up report. */
    @Transactional
    public FollowUpRequest request(UUID caseId, FollowUpPetition in) {
        SupportCase c = cases.get(caseId);
        Checks checks = new Checks();
        String office = checks.required("office", in == null ? null : in.office(), "la oficina que pide el informe (office)");
        LocalDate requestedOn = checks.date("requestedOn", in == null ? null : in.requestedOn(), false, true);
        checks.orThrow("La petición de informe tiene errores");
        LocalDate on = requestedOn == null ? LocalDate.now() : requestedOn;
        LocalDate due;
        try {
            due = schedule.dueDate(on, in.dueInDays());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage(), List.of(Problem.FieldError.of(null, "dueInDays", e.getMessage())));
        }
        FollowUpRequest f = new FollowUpRequest();
        f.id = UUID.randomUUID();
        f.caseId = caseId;
        f.orgUnit = c.orgUnit;
        f.office = office;
        f.petitionRef = BeneficiaryService.blankToNull(in.petitionRef());
        f.requestedOn = on;
        f.dueOn = due;
        f.assignedTo = in.assignedTo() == null || in.assignedTo().isBlank() ? c.assignedWorker : in.assignedTo().trim();
        f.status = "REQUESTED";
        f.createdAt = OffsetDateTime.now();
        f.actor = scope.actor();
        f.persist();
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.FOLLOW_UP_REQUESTED, on,
                CaseEvents.Extra.due(due, null));
        return f;
    }

    /** The petition, if it exists (404) and belongs to the caller's unit or one below it (403). */
    public FollowUpRequest get(UUID id) {
        FollowUpRequest f = FollowUpRequest.findById(id);
        if (f == null) {
            throw ProblemException.notFound("No existe la petición de informe de seguimiento " + id + ".");
        }
        scope.requireUnit(f.orgUnit);
        return f;
    }

    /** Integrates and delivers the Informe de Seguimiento (once). */
    @Transactional
    public FollowUpRequest deliver(UUID id, DeliveryRequest in) {
        FollowUpRequest f = get(id);
        String actor = scope.actor();
        if ("DELIVERED".equals(f.status)) {
            throw ProblemException.conflict("El informe de seguimiento ya se entregó el " + f.deliveredOn + " (folio " + f.reportFolio + ").");
        }
        Checks checks = new Checks();
        LocalDate deliveredOn = checks.date("deliveredOn", in == null ? null : in.deliveredOn(), false, true);
        checks.orThrow("La entrega tiene errores");
        LocalDate on = deliveredOn == null ? LocalDate.now() : deliveredOn;
        if (on.isBefore(f.requestedOn)) {
            throw ProblemException.unprocessable("La fecha de entrega no puede ser anterior a la petición (" + f.requestedOn + ").", List.of());
        }
        SupportCase c = cases.load(f.caseId);
        f.status = "DELIVERED";
        f.deliveredOn = on;
        f.deliveredBy = actor;
        f.reportFolio = folios.next("IS", f.orgUnit, on.getYear());
        f.reportPdf = documents.followUpReport(f, c, actor);
        boolean onTime = FollowUpSchedule.onTime(f.dueOn, on);
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.FOLLOW_UP_DELIVERED, on,
                CaseEvents.Extra.due(f.dueOn, onTime));
        return f;
    }

    /** The request whose report was delivered ({@code reportPdf} set), or 404 saying how to deliver it. */
    public FollowUpRequest withReport(UUID id) {
        FollowUpRequest f = get(id);
        if (f.reportPdf == null) {
            throw ProblemException.notFound("El informe de seguimiento aún no se ha entregado: use POST /api/v1/follow-up-requests/" + id + "/report.");
        }
        return f;
    }

    public Page<FollowUpRequest> list(String orgUnit, String status, String assignedTo, int page, int size) {
        Reach reach = scope.reach();
        orgUnit = scope.filter(orgUnit);
        Page.check(page, size);
        String st = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (st != null && !st.equals("REQUESTED") && !st.equals("DELIVERED")) {
            throw ProblemException.badRequest("El estado debe ser REQUESTED o DELIVERED.");
        }
        Criteria c = new Criteria().within("orgUnit", reach.unit()).eq("orgUnit", orgUnit).eq("status", st).eq("assignedTo", assignedTo);
        return Criteria.page(FollowUpRequest.find(c.where("dueOn, requestedOn"), c.params()), page, size);
    }

    /**
     * Pending follow-up reports of a unit (or one worker): overdue and due within the next days; a
     * worker's tasks only within the caller's units.
     */
    public TaskList tasks(String orgUnit, String worker, LocalDate today) {
        Reach reach = scope.reach();
        orgUnit = scope.filter(orgUnit);
        if ((orgUnit == null || orgUnit.isBlank()) && (worker == null || worker.isBlank())) {
            throw ProblemException.badRequest("Indique la unidad (orgUnit) o la persona (worker) de la que quiere ver las tareas.");
        }
        Criteria pending = new Criteria().and("status = 'REQUESTED'").within("orgUnit", reach.unit()).eq("orgUnit", orgUnit).eq("assignedTo", worker);
        List<TaskList.Task> overdue = new ArrayList<>();
        List<TaskList.Task> upcoming = new ArrayList<>();
        for (FollowUpRequest f : FollowUpRequest.<FollowUpRequest>list(pending.where("dueOn"), pending.params())) {
            FollowUpSchedule.Urgency u = schedule.urgency(f.dueOn, today);
            if (u == FollowUpSchedule.Urgency.LATER) {
                continue;
            }
            SupportCase c = SupportCase.findById(f.caseId);
            TaskList.Task t = new TaskList.Task(TaskList.Task.FOLLOW_UP_REPORT, f.id, f.caseId, c.folio, f.office, f.dueOn,
                    ChronoUnit.DAYS.between(today, f.dueOn), f.assignedTo);
            (u == FollowUpSchedule.Urgency.OVERDUE ? overdue : upcoming).add(t);
        }
        return new TaskList(today, overdue, upcoming);
    }
}
