package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.domain.Approval;
import mx.gob.dif.cases.domain.CaseCategory;
import mx.gob.dif.cases.domain.CaseOrigin;
import mx.gob.dif.cases.domain.CaseStatus;
import mx.gob.dif.cases.domain.InterventionType;
import mx.gob.dif.cases.domain.Priority;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.CaseTransition;
import mx.gob.dif.cases.entity.Consent;
import mx.gob.dif.cases.entity.Enrollment;
import mx.gob.dif.cases.entity.FollowUpRequest;
import mx.gob.dif.cases.entity.Intervention;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.cases.api.CaseDetail;
import mx.gob.dif.cases.api.CaseRequest;
import mx.gob.dif.cases.api.ConsentRequest;
import mx.gob.dif.cases.api.InterventionRequest;
import mx.gob.dif.cases.api.TransitionRequest;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.CaseEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Intake, review and the state machine of a case; interventions, consents, closure (enrollments: {@link EnrollmentService}). */
@ApplicationScoped
public class CaseService {
    private final CaseEvents events;
    private final Folios folios;
    private final CaseScope scope;

    public CaseService(CaseEvents events, Folios folios, CaseScope scope) {
        this.events = events;
        this.folios = folios;
        this.scope = scope;
    }

    /**
     * Intake of a request for support, in the caller's unit, for a person of the caller's unit (the
     * case would show the person).
     */
    @Transactional
    public SupportCase intake(CaseRequest in) {
        if (in != null) {
            scope.requireUnitInBody(in.orgUnit());
            Beneficiary named = BeneficiaryService.referenced(in.beneficiaryId());
            if (named != null) {
                scope.requireUnit(named.orgUnit);
            }
        }
        String actor = scope.actor();
        if (in == null) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe la solicitud de apoyo en JSON.");
        }
        Checks checks = new Checks();
        String orgUnit = checks.orgUnit("orgUnit", in.orgUnit(), "la unidad que recibe la solicitud (orgUnit)", true);
        String beneficiaryId = checks.required("beneficiaryId", in.beneficiaryId(), "el beneficiario (beneficiaryId)");
        CaseOrigin origin = checks.oneOf("origin", in.origin(), CaseOrigin.class, true);
        CaseCategory category = checks.oneOf("category", in.category(), CaseCategory.class, true);
        Priority priority = checks.oneOf("priority", in.priority(), Priority.class, false);
        String request = checks.required("request", in.request(), "la descripción de lo que se solicita (request)");
        LocalDate receivedOn = checks.date("receivedOn", in.receivedOn(), false, true);
        Beneficiary b = null;
        if (beneficiaryId != null) {
            try {
                b = Beneficiary.findById(UUID.fromString(beneficiaryId));
                if (b == null) {
                    checks.fail("beneficiaryId", "No existe el beneficiario " + beneficiaryId + ". Regístrelo primero.");
                } else if (b.mergedInto != null) {
                    checks.fail("beneficiaryId", "El beneficiario fue fusionado con " + b.mergedInto + "; use ese registro.");
                }
            } catch (IllegalArgumentException e) {
                checks.fail("beneficiaryId", "El id del beneficiario no es un UUID válido.");
            }
        }
        checks.orThrow("La solicitud de apoyo tiene errores");
        SupportCase c = new SupportCase();
        c.id = UUID.randomUUID();
        c.ref = events.caseRef(c.id);
        c.orgUnit = orgUnit;
        c.beneficiaryId = b.id;
        c.origin = origin;
        c.category = category;
        c.priority = priority == null ? Priority.NORMAL : priority;
        c.request = request;
        c.priorInvestigation = BeneficiaryService.blankToNull(in.priorInvestigation());
        c.assignedWorker = BeneficiaryService.blankToNull(in.assignedWorker());
        c.receivedOn = receivedOn == null ? LocalDate.now() : receivedOn;
        c.status = CaseStatus.RECEIVED;
        c.folio = folios.next("CASO", orgUnit, c.receivedOn.getYear());
        c.createdAt = OffsetDateTime.now();
        c.updatedAt = c.createdAt;
        c.createdBy = actor;
        c.persist();
        record(c, null, CaseStatus.RECEIVED, actor, null);
        events.publish(c, b, CaseEvent.Change.RECEIVED, c.receivedOn);
        return c;
    }

    /** The case, if it exists (404) and belongs to the caller's unit or one below it (403). */
    public SupportCase get(UUID id) {
        SupportCase c = load(id);
        scope.requireUnit(c.orgUnit);
        return c;
    }

    /** The case, for a step whose caller was already checked on the record that points to it. */
    SupportCase load(UUID id) {
        return SupportCase.<SupportCase>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No existe el caso " + id + "."));
    }

    /** The case with everything that happened to it, for the worker's screen. */
    public CaseDetail detail(UUID id) {
        SupportCase c = get(id);
        return new CaseDetail(c, c.status.label(), c.status.next().stream().map(Enum::name).sorted().toList(),
                Beneficiary.findById(c.beneficiaryId), transitions(id),
                Enrollment.list("caseId = ?1 order by enrolledOn", id),
                Referral.list("caseId = ?1 order by createdAt", id),
                Intervention.list("caseId = ?1 order by doneOn, createdAt", id),
                Consent.list("caseId = ?1 order by recordedAt", id),
                FollowUpRequest.list("caseId = ?1 order by requestedOn", id),
                ApprovalRequest.list("caseId = ?1 order by requestedAt", id));
    }

    public List<CaseTransition> history(UUID id) {
        get(id);
        return transitions(id);
    }

    private static List<CaseTransition> transitions(UUID id) {
        return CaseTransition.list("caseId = ?1 order by id", id);
    }

    public List<Intervention> interventions(UUID id) {
        get(id);
        return Intervention.list("caseId = ?1 order by doneOn, createdAt", id);
    }

    public Page<SupportCase> list(String orgUnit, String status, String category, String worker, String beneficiaryId,
                                  String from, String to, int page, int size) {
        Reach reach = scope.reach();
        orgUnit = scope.filter(orgUnit);
        Page.check(page, size);
        Checks checks = new Checks();
        CaseStatus st = checks.oneOf("status", status, CaseStatus.class, false);
        CaseCategory cat = checks.oneOf("category", category, CaseCategory.class, false);
        LocalDate fromDate = checks.date("from", from, false, false);
        LocalDate toDate = checks.date("to", to, false, false);
        checks.orThrow("Filtros inválidos");
        Criteria c = new Criteria().within("orgUnit", reach.unit()).eq("orgUnit", orgUnit).eq("status", st).eq("category", cat).eq("assignedWorker", worker)
                .eq("beneficiaryId", beneficiaryId == null || beneficiaryId.isBlank() ? null : parseId(beneficiaryId, "beneficiaryId"))
                .compare("receivedOn", ">=", fromDate).compare("receivedOn", "<=", toDate);
        return Criteria.page(SupportCase.find(c.where("receivedOn desc, folio desc"), c.params()), page, size);
    }

    /**
     * Moves a case along its state machine. Enrollment, referral and closure have their own
     * operations (they carry more than a status), so they are refused here with a pointer.
     */
    @Transactional
    public SupportCase transition(UUID id, TransitionRequest in) {
        SupportCase c = get(id);
        if (in == null || in.to() == null || in.to().isBlank()) {
            throw ProblemException.badRequest("Indique el estado destino en 'to'. Valores: "
                    + Arrays.stream(CaseStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
        CaseStatus to;
        try {
            to = CaseStatus.valueOf(in.to().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("Estado desconocido '" + in.to() + "'.", List.of());
        }
        requireLegal(c, to);
        switch (to) {
            case ENROLLED -> throw ProblemException.conflict("Para incorporar el caso a un programa use POST /api/v1/cases/" + id + "/enrollments con el programa.");
            case REFERRED -> throw ProblemException.conflict("Para canalizar el caso use POST /api/v1/cases/" + id + "/referrals con la dependencia.");
            case CLOSED -> throw ProblemException.conflict("El cierre de un caso requiere aprobación del director: use POST /api/v1/cases/" + id + "/closure.");
            default -> {
            }
        }
        move(c, to, in.reason(), scope.actor());
        return c;
    }

    /** Applies one legal transition, records it and tells the event log. */
    void move(SupportCase c, CaseStatus to, String reason, String actor) {
        requireLegal(c, to);
        if (CaseStatus.needsReason(c.status, to) && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable("Indique el motivo para pasar el caso a \"" + to.label() + "\" (campo 'reason').",
                    List.of(Problem.FieldError.of(null, "reason", "Falta el motivo.")));
        }
        CaseStatus from = c.status;
        c.status = to;
        c.updatedAt = OffsetDateTime.now();
        record(c, from, to, actor, reason);
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.STATUS_CHANGED, LocalDate.now());
    }

    /** 409 naming the statuses the case can go to from where it is. */
    private static void requireLegal(SupportCase c, CaseStatus to) {
        if (!c.status.canMoveTo(to)) {
            throw ProblemException.conflict("El caso " + c.folio + " está \"" + c.status.label() + "\" y no puede pasar a \""
                    + to.label() + "\". Desde aquí puede pasar a: " + c.status.next().stream().map(CaseStatus::label)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    private void record(SupportCase c, CaseStatus from, CaseStatus to, String actor, String reason) {
        new CaseTransition(c.id, from, to, actor, BeneficiaryService.blankToNull(reason)).persist();
    }

    @Transactional
    public Intervention intervene(UUID id, InterventionRequest in) {
        SupportCase c = get(id);
        String actor = scope.actor();
        if (c.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("El caso " + c.folio + " está cerrado; reábralo para registrar intervenciones.");
        }
        Checks checks = new Checks();
        InterventionType type = checks.oneOf("type", in == null ? null : in.type(), InterventionType.class, true);
        LocalDate date = checks.date("date", in == null ? null : in.date(), true, true);
        checks.orThrow("La intervención tiene errores");
        Intervention i = new Intervention();
        i.id = UUID.randomUUID();
        i.caseId = id;
        i.type = type;
        i.doneOn = date;
        i.doneBy = in.doneBy() == null || in.doneBy().isBlank() ? actor : in.doneBy().trim();
        i.outcome = BeneficiaryService.blankToNull(in.outcome());
        i.createdAt = OffsetDateTime.now();
        i.actor = actor;
        i.persist();
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.INTERVENTION_RECORDED, date);
        return i;
    }

    @Transactional
    public Consent consent(UUID id, ConsentRequest in) {
        SupportCase c = get(id);
        // a guardian named in the body must be within reach too: the referral letter carries the guardian's name
        Beneficiary named = in == null ? null : BeneficiaryService.referenced(in.guardianId());
        if (named != null) {
            scope.requireUnit(named.orgUnit);
        }
        Checks checks = new Checks();
        String purpose = in == null || in.purpose() == null ? "REFERRAL" : in.purpose().trim().toUpperCase(Locale.ROOT);
        if (!purpose.equals("REFERRAL")) {
            checks.fail("purpose", "El único propósito de consentimiento es REFERRAL (canalización).");
        }
        String givenBy = in == null || in.givenBy() == null ? null : in.givenBy().trim().toUpperCase(Locale.ROOT);
        if (!"BENEFICIARY".equals(givenBy) && !"GUARDIAN".equals(givenBy)) {
            checks.fail("givenBy", "Indique quién otorga el consentimiento: BENEFICIARY (la persona) o GUARDIAN (su tutor).");
        }
        LocalDate givenOn = checks.date("givenOn", in == null ? null : in.givenOn(), false, true);
        Beneficiary b = Beneficiary.findById(c.beneficiaryId);
        UUID guardian = null;
        if ("GUARDIAN".equals(givenBy)) {
            guardian = b.guardianId;
            if (in.guardianId() != null && !in.guardianId().isBlank()) {
                guardian = parseId(in.guardianId(), "guardianId");
            }
            if (guardian == null) {
                checks.fail("guardianId", "El beneficiario no tiene tutor registrado: indique guardianId.");
            }
        } else if ("BENEFICIARY".equals(givenBy) && b.birthDate != null && b.birthDate.plusYears(18).isAfter(LocalDate.now())) {
            checks.fail("givenBy", "El beneficiario es menor de edad: el consentimiento lo otorga su madre, padre o tutor (GUARDIAN).");
        }
        String agency = in == null ? null : BeneficiaryService.blankToNull(in.agencyId());
        if (agency != null && Agency.findById(agency) == null) {
            checks.fail("agencyId", "No existe la dependencia " + agency + " en el directorio.");
        }
        checks.orThrow("El consentimiento tiene errores");
        Consent k = new Consent();
        k.id = UUID.randomUUID();
        k.caseId = id;
        k.purpose = purpose;
        k.agencyId = agency;
        k.givenBy = givenBy;
        k.guardianId = guardian;
        k.givenOn = givenOn == null ? LocalDate.now() : givenOn;
        k.recordedAt = OffsetDateTime.now();
        k.actor = scope.actor();
        k.persist();
        return k;
    }

    @Transactional
    public Consent revokeConsent(UUID caseId, UUID consentId, String reason) {
        get(caseId);
        Consent k = Consent.findById(consentId);
        if (k == null || !k.caseId.equals(caseId)) {
            throw ProblemException.notFound("No existe el consentimiento " + consentId + " en este caso.");
        }
        if (k.revokedAt != null) {
            throw ProblemException.conflict("El consentimiento ya fue revocado.");
        }
        k.revokedAt = OffsetDateTime.now();
        k.revokedReason = reason == null || reason.isBlank() ? "Sin motivo indicado" : reason.trim();
        return k;
    }

    /** Closing needs a director: this asks for the approval; the case closes when it is granted. */
    @Transactional
    public ApprovalRequest requestClosure(UUID id, String reason) {
        SupportCase c = get(id);
        if (!c.status.canMoveTo(CaseStatus.CLOSED)) {
            throw ProblemException.conflict("El caso " + c.folio + " está \"" + c.status.label()
                    + "\": solo un caso resuelto o rechazado puede cerrarse.");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.unprocessable("Indique el motivo del cierre (campo 'reason').",
                    List.of(Problem.FieldError.of(null, "reason", "Falta el motivo.")));
        }
        if (ApprovalRequest.count("caseId = ?1 and kind = ?2 and status = ?3", id, Approval.Kind.CASE_CLOSURE, Approval.Status.REQUESTED) > 0) {
            throw ProblemException.conflict("Ya hay una solicitud de cierre pendiente de aprobación para este caso.");
        }
        ApprovalRequest a = new ApprovalRequest();
        a.id = UUID.randomUUID();
        a.kind = Approval.Kind.CASE_CLOSURE;
        a.caseId = id;
        a.orgUnit = c.orgUnit;
        a.reason = reason.trim();
        a.status = Approval.Status.REQUESTED;
        a.requestedBy = scope.actor();
        a.requestedAt = OffsetDateTime.now();
        a.persist();
        return a;
    }

    static UUID parseId(String raw, String field) {
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("El valor de '" + field + "' no es un id válido (UUID).");
        }
    }
}
