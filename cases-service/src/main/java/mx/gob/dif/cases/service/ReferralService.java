package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.api.AgencyReferral;
import mx.gob.dif.cases.api.ReferralRequest;
import mx.gob.dif.cases.api.ReferralStatusRequest;
import mx.gob.dif.cases.api.ReferralStep;
import mx.gob.dif.cases.api.ReferralView;
import mx.gob.dif.cases.domain.AgeBand;
import mx.gob.dif.cases.domain.Approval;
import mx.gob.dif.cases.domain.CaseStatus;
import mx.gob.dif.cases.domain.ReferralStatus;
import mx.gob.dif.cases.documents.ReferralLetter;
import mx.gob.dif.cases.documents.ReferralLetterPdf;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.cases.entity.AgencyService;
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.Consent;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.ReferralTransition;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.cases.webhooks.ReferralWebhooks;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.CaseEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Referrals (canalización) to agencies: only with consent for that purpose or a director's
 * override; a numbered letter; the agency's answers; revocation by the sender.
 */
@ApplicationScoped
public class ReferralService {
    private final CaseService cases;
    private final CaseEvents events;
    private final Folios folios;
    private final OrgUnits orgUnits;
    private final CaseScope scope;
    /** Tells the agency of each status change, in the same transaction (field-injected: the constructor stays as it is). */
    @jakarta.inject.Inject
    ReferralWebhooks webhooks;

    public ReferralService(CaseService cases, CaseEvents events, Folios folios, OrgUnits orgUnits, CaseScope scope) {
        this.cases = cases;
        this.events = events;
        this.folios = folios;
        this.orgUnits = orgUnits;
        this.scope = scope;
    }

    /** Refers the case to an agency (with consent, or asking the director for an override). */
    @Transactional
    public Referral create(UUID caseId, ReferralRequest in) {
        SupportCase c = cases.get(caseId);
        String actor = scope.actor();
        Checks checks = new Checks();
        String agencyId = checks.required("agencyId", in == null ? null : in.agencyId(), "la dependencia (agencyId)");
        String request = checks.required("request", in == null ? null : in.request(), "lo que se pide a la dependencia (request)");
        checks.orThrow("La canalización tiene errores");
        Agency agency = Agency.findById(agencyId);
        if (agency == null) {
            throw ProblemException.unprocessable("La dependencia " + agencyId + " no está en el directorio. Regístrela primero (POST /api/v1/agencies).",
                    List.of(Problem.FieldError.of(null, "agencyId", "Dependencia desconocida.")));
        }
        UUID serviceId = null;
        if (in.serviceId() != null && !in.serviceId().isBlank()) {
            serviceId = CaseService.parseId(in.serviceId(), "serviceId");
            UUID sid = serviceId;
            if (agency.services.stream().noneMatch(s -> s.id.equals(sid))) {
                throw ProblemException.unprocessable("El servicio " + serviceId + " no pertenece a " + agency.name + ".", List.of());
            }
        }
        if (c.status != CaseStatus.REFERRED && !c.status.canMoveTo(CaseStatus.REFERRED)) {
            throw ProblemException.conflict("El caso " + c.folio + " está \"" + c.status.label()
                    + "\": solo puede canalizarse después de revisarlo y mientras no esté resuelto, rechazado o cerrado.");
        }
        Consent consent = findConsent(caseId, agencyId, in.consentId());
        String override = BeneficiaryService.blankToNull(in.consentOverrideReason());
        if (consent == null && override == null) {
            throw ProblemException.conflict("No hay consentimiento vigente del beneficiario (o de su tutor) para canalizar a "
                    + agency.name + ". Registre el consentimiento (POST /api/v1/cases/" + caseId
                    + "/consents) o pida una excepción al director indicando consentOverrideReason.");
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.ref = events.referralRef(r.id);
        r.caseId = caseId;
        r.orgUnit = c.orgUnit;
        r.agencyId = agencyId;
        r.serviceId = serviceId;
        r.request = request;
        r.consentId = consent == null ? null : consent.id;
        r.shareCurp = Boolean.TRUE.equals(in.shareCurp());
        r.shareAddress = Boolean.TRUE.equals(in.shareAddress());
        r.createdAt = OffsetDateTime.now();
        r.updatedAt = r.createdAt;
        r.createdBy = actor;
        if (consent == null) {
            ApprovalRequest a = new ApprovalRequest();
            a.id = UUID.randomUUID();
            a.kind = Approval.Kind.CONSENT_OVERRIDE;
            a.caseId = caseId;
            a.referralId = r.id;
            a.orgUnit = c.orgUnit;
            a.reason = override;
            a.status = Approval.Status.REQUESTED;
            a.requestedBy = actor;
            a.requestedAt = OffsetDateTime.now();
            a.persist();
            r.approvalId = a.id;
            r.status = ReferralStatus.AWAITING_APPROVAL;
            r.persist();
            record(r, null, r.status, actor, "Excepción de consentimiento solicitada: " + override);
        } else {
            r.status = ReferralStatus.REQUESTED;
            r.persist();
            record(r, null, r.status, actor, null);
            activate(r, c, actor);
        }
        return r;
    }

    /** The referral starts for real: the case is referred and one letter is now owed. */
    void activate(Referral r, SupportCase c, String actor) {
        if (c.status != CaseStatus.REFERRED) {
            cases.move(c, CaseStatus.REFERRED, null, actor);
        }
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.REFERRED, LocalDate.now(),
                CaseEvents.Extra.referral(r.agencyId, r.ref, null));
    }

    private Consent findConsent(UUID caseId, String agencyId, String consentId) {
        if (consentId != null && !consentId.isBlank()) {
            Consent k = Consent.findById(CaseService.parseId(consentId, "consentId"));
            if (k == null || !k.caseId.equals(caseId)) {
                throw ProblemException.unprocessable("El consentimiento " + consentId + " no existe en este caso.", List.of());
            }
            if (!k.covers(agencyId)) {
                throw ProblemException.conflict("El consentimiento " + consentId + " está revocado o no cubre la canalización a " + agencyId + ".");
            }
            return k;
        }
        return Consent.<Consent>list("caseId = ?1 order by recordedAt desc", caseId).stream()
                .filter(k -> k.covers(agencyId)).findFirst().orElse(null);
    }

    /** The referral, if it exists (404) and the caller may read or answer it (403, see {@link CaseScope#requireReferral}). */
    public Referral get(UUID id) {
        Referral r = load(id);
        scope.requireReferral(r);
        return r;
    }

    /** The referral, for a step whose caller was already checked on the record that points to it. */
    Referral load(UUID id) {
        return Referral.<Referral>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No existe la canalización " + id + "."));
    }

    /** The referral as its caller sees it: the whole record for the unit, {@link AgencyReferral} for the agency. */
    public ReferralView view(UUID id) {
        return view(get(id));
    }

    private ReferralView view(Referral r) {
        return scope.isAgency() ? AgencyReferral.of(r) : r;
    }

    /**
     * Referrals within the caller's reach: a unit's own (and those of the units below it), or for an
     * agency the ones addressed to it whose letter was issued (a referral is sent with its letter),
     * which it may filter by status or unit but not by case.
     */
    public Page<ReferralView> list(String orgUnit, String agency, String status, String caseId, int page, int size) {
        Reach reach = scope.reach();
        if (!reach.isAgency()) {
            orgUnit = scope.filter(orgUnit);
        } else {
            if (agency != null && !agency.isBlank() && !agency.trim().equals(reach.agency())) {
                throw ProblemException.forbidden("Su dependencia (" + reach.agency() + ") solo puede consultar las canalizaciones dirigidas a ella, no las de "
                        + agency.trim() + ".");
            }
            if (caseId != null && !caseId.isBlank()) {
                throw ProblemException.forbidden("Las dependencias no consultan casos: filtre por estado (status) o por unidad (orgUnit).");
            }
            agency = reach.agency();
        }
        Page<Referral> found = find(reach, orgUnit, agency, status, caseId, page, size);
        return new Page<>(found.items().stream().map(this::view).toList(), found.page(), found.size(), found.total());
    }

    private static Page<Referral> find(Reach reach, String orgUnit, String agencyId, String status, String caseId, int page, int size) {
        Page.check(page, size);
        Checks checks = new Checks();
        ReferralStatus st = checks.oneOf("status", status, ReferralStatus.class, false);
        checks.orThrow("Filtros inválidos");
        Criteria c = reach.isAgency()
                ? new Criteria().eq("agencyId", reach.agency()).and("letterFolio is not null")
                : new Criteria().within("orgUnit", reach.unit());
        c.eq("orgUnit", orgUnit).eq("agencyId", agencyId).eq("status", st)
                .eq("caseId", caseId == null || caseId.isBlank() ? null : CaseService.parseId(caseId, "caseId"));
        return Criteria.page(Referral.find(c.where("createdAt desc"), c.params()), page, size);
    }

    /** The referral's steps; for the agency only those it may see (see {@link AgencyReferral#history}). */
    public List<ReferralStep> history(UUID id) {
        get(id);
        List<ReferralTransition> steps = ReferralTransition.list("referralId = ?1 order by id", id);
        return scope.isAgency() ? List.copyOf(AgencyReferral.history(steps)) : List.copyOf(steps);
    }

    /** Writes the numbered Solicitud de Gestión (once; asking again gives the same letter). */
    @Transactional
    public Referral issueLetter(UUID id) {
        Referral r = get(id);
        String actor = scope.actor();
        if (r.letterFolio != null) {
            return r;
        }
        if (r.status == ReferralStatus.AWAITING_APPROVAL || r.status == ReferralStatus.CANCELLED || r.status == ReferralStatus.REVOKED) {
            throw ProblemException.conflict("La canalización está \"" + r.status.label() + "\": no se puede emitir la Solicitud de Gestión.");
        }
        SupportCase c = cases.load(r.caseId);
        Beneficiary b = Beneficiary.findById(c.beneficiaryId);
        Agency agency = Agency.findById(r.agencyId);
        AgencyService service = r.serviceId == null ? null : AgencyService.findById(r.serviceId);
        LocalDate today = LocalDate.now();
        r.letterFolio = folios.next("SG", r.orgUnit, today.getYear());
        r.letterIssuedOn = today;
        Beneficiary guardian = b.guardianId == null ? null : Beneficiary.findById(b.guardianId);
        String municipality = b.municipality == null ? null : orgUnits.name(b.municipality);
        ReferralLetter letter = new ReferralLetter(r.letterFolio, today, orgUnits.unitTitle(r.orgUnit), agency.name,
                service == null ? null : service.name, contact(agency), r.request, b.fullName(),
                r.shareCurp ? b.curp : null, AgeBand.years(b.birthDate, today), guardian == null ? null : guardian.fullName(),
                r.shareAddress ? municipality : null, r.shareAddress ? join(b.locality, b.address) : null,
                service == null ? List.of() : service.requiredDocuments, actor, "Dirección del " + orgUnits.unitTitle(r.orgUnit),
                orgUnits.name(r.orgUnit));
        r.letterPdf = new ReferralLetterPdf().render(letter);
        r.updatedAt = OffsetDateTime.now();
        events.publish(c, b, CaseEvent.Change.REFERRAL_LETTER_ISSUED, today, CaseEvents.Extra.referral(r.agencyId, r.ref, null));
        return r;
    }

    /**
     * The referral whose letter was issued ({@code letterPdf} set), or 404 saying how to issue it; 403
     * for an agency once the referral or its consent was revoked (see {@link CaseScope#requireLetter}).
     */
    public Referral withLetter(UUID id) {
        Referral r = load(id);
        scope.requireLetter(r);
        if (r.letterPdf == null) {
            throw ProblemException.notFound("La Solicitud de Gestión de esta canalización aún no se ha emitido: use POST /api/v1/referrals/" + id + "/letter.");
        }
        return r;
    }

    /** The agency's answer (through the platform) or the unit recording it by hand. */
    @Transactional
    public ReferralView changeStatus(UUID id, ReferralStatusRequest in) {
        Referral r = get(id);
        String actor = scope.actor();
        Checks checks = new Checks();
        ReferralStatus to = checks.oneOf("status", in == null ? null : in.status(), ReferralStatus.class, true);
        ReferralStatus.Outcome outcome = checks.oneOf("outcome", in == null ? null : in.outcome(), ReferralStatus.Outcome.class, false);
        checks.orThrow("La actualización de la canalización tiene errores");
        if (to == ReferralStatus.REVOKED || to == ReferralStatus.AWAITING_APPROVAL || to == ReferralStatus.CANCELLED || to == ReferralStatus.REQUESTED) {
            throw ProblemException.conflict("Ese estado no se asigna aquí: la revocación es POST /api/v1/referrals/" + id
                    + "/revocation y la aprobación la decide el director.");
        }
        if (to == ReferralStatus.REJECTED && blank(in.reason())) {
            throw ProblemException.unprocessable("Indique el motivo del rechazo (campo 'reason').", List.of(Problem.FieldError.of(null, "reason", "Falta el motivo.")));
        }
        if (to == ReferralStatus.COMPLETED && outcome == null) {
            throw ProblemException.unprocessable("Indique el resultado (outcome): SUPPORT_GRANTED, FEE_REDUCED, EXEMPTED o NOT_SUCCESSFUL.",
                    List.of(Problem.FieldError.of(null, "outcome", "Falta el resultado.")));
        }
        if (outcome == ReferralStatus.Outcome.NOT_SUCCESSFUL && blank(in.outcomeDetail()) && blank(in.reason())) {
            throw ProblemException.unprocessable("Indique por qué no tuvo éxito (campo 'outcomeDetail').",
                    List.of(Problem.FieldError.of(null, "outcomeDetail", "Falta el motivo.")));
        }
        if (outcome != null && to != ReferralStatus.COMPLETED) {
            throw ProblemException.unprocessable("El resultado (outcome) solo se indica al concluir (status COMPLETED).", List.of());
        }
        move(r, to, in.reason(), actor);
        if (to == ReferralStatus.COMPLETED) {
            r.outcome = outcome;
            r.outcomeDetail = BeneficiaryService.blankToNull(in.outcomeDetail() == null ? in.reason() : in.outcomeDetail());
        }
        SupportCase c = cases.load(r.caseId);
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.REFERRAL_STATUS_CHANGED, LocalDate.now(),
                CaseEvents.Extra.referral(r.agencyId, r.ref, to == ReferralStatus.REJECTED ? "REJECTED" : outcome == null ? null : outcome.name()));
        return view(r);
    }

    @Transactional
    public Referral revoke(UUID id, String reason) {
        Referral r = get(id);
        String actor = scope.actor();
        if (blank(reason)) {
            throw ProblemException.unprocessable("Indique el motivo de la revocación (campo 'reason').", List.of(Problem.FieldError.of(null, "reason", "Falta el motivo.")));
        }
        move(r, ReferralStatus.REVOKED, reason, actor);
        SupportCase c = cases.load(r.caseId);
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.REFERRAL_STATUS_CHANGED, LocalDate.now(),
                CaseEvents.Extra.referral(r.agencyId, r.ref, "REVOKED"));
        return r;
    }

    void move(Referral r, ReferralStatus to, String reason, String actor) {
        if (!r.status.canMoveTo(to)) {
            throw ProblemException.conflict("La canalización está \"" + r.status.label() + "\" y no puede pasar a \"" + to.label() + "\".");
        }
        ReferralStatus from = r.status;
        r.status = to;
        r.updatedAt = OffsetDateTime.now();
        record(r, from, to, actor, reason);
    }

    private void record(Referral r, ReferralStatus from, ReferralStatus to, String actor, String reason) {
        ReferralTransition t = new ReferralTransition(r.id, from, to, actor, BeneficiaryService.blankToNull(reason));
        t.persist();
        webhooks.statusChanged(r, from, to, t.at);
    }

    private static String contact(Agency a) {
        return join(a.phone == null ? null : "Tel. " + a.phone, a.email, a.address);
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(p.trim());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
