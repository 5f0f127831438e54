package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.api.DecisionRequest;
import mx.gob.dif.cases.domain.Approval;
import mx.gob.dif.cases.domain.CaseStatus;
import mx.gob.dif.cases.domain.ReferralStatus;
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The director's decisions: a case closure, a referral without consent. Every request stays as history. */
@ApplicationScoped
public class ApprovalService {
    private final CaseService cases;
    private final ReferralService referrals;
    private final CaseScope scope;

    public ApprovalService(CaseService cases, ReferralService referrals, CaseScope scope) {
        this.cases = cases;
        this.referrals = referrals;
        this.scope = scope;
    }

    /** The director's inbox: {@code status=REQUESTED} lists what waits for a decision. */
    public Page<ApprovalRequest> list(String orgUnit, String status, String caseId, int page, int size) {
        Reach reach = scope.reach();
        orgUnit = scope.filter(orgUnit);
        Page.check(page, size);
        Checks checks = new Checks();
        Approval.Status st = checks.oneOf("status", status, Approval.Status.class, false);
        checks.orThrow("Filtros inválidos");
        Criteria c = new Criteria().within("orgUnit", reach.unit()).eq("orgUnit", orgUnit).eq("status", st)
                .eq("caseId", caseId == null || caseId.isBlank() ? null : CaseService.parseId(caseId, "caseId"));
        return Criteria.page(ApprovalRequest.find(c.where("requestedAt desc"), c.params()), page, size);
    }

    /** The approval, if it exists (404) and belongs to the caller's unit or one below it (403). */
    public ApprovalRequest get(UUID id) {
        ApprovalRequest a = ApprovalRequest.findById(id);
        if (a == null) {
            throw ProblemException.notFound("No existe la solicitud de aprobación " + id + ".");
        }
        scope.requireUnit(a.orgUnit);
        return a;
    }

    /** Closing a case or referring it without consent: the director of the case's unit (or above it) decides. */
    @Transactional
    public ApprovalRequest decide(UUID id, DecisionRequest in) {
        ApprovalRequest a = get(id);
        String actor = scope.actor();
        if (a.status != Approval.Status.REQUESTED) {
            throw ProblemException.conflict("Esta solicitud ya fue " + (a.status == Approval.Status.APPROVED ? "aprobada" : "rechazada")
                    + " por " + a.decidedBy + "; una decisión no se cambia. Si algo cambió, pida una nueva aprobación.");
        }
        Checks checks = new Checks();
        Approval.Status decision = checks.oneOf("decision", in == null ? null : in.decision(), Approval.Status.class, true);
        if (decision == Approval.Status.REQUESTED) {
            checks.fail("decision", "La decisión debe ser APPROVED o REJECTED.");
        }
        if (decision == Approval.Status.REJECTED && (in.comment() == null || in.comment().isBlank())) {
            checks.fail("comment", "Explique por qué se rechaza (campo 'comment').");
        }
        checks.orThrow("La decisión tiene errores");
        a.status = decision;
        a.decidedBy = actor;
        a.decidedAt = OffsetDateTime.now();
        a.comment = BeneficiaryService.blankToNull(in.comment());
        SupportCase c = cases.load(a.caseId);
        switch (a.kind) {
            case CASE_CLOSURE -> {
                if (decision == Approval.Status.APPROVED) {
                    if (!c.status.canMoveTo(CaseStatus.CLOSED)) {
                        throw ProblemException.conflict("El caso cambió a \"" + c.status.label() + "\" desde que se pidió el cierre; ya no puede cerrarse.");
                    }
                    cases.move(c, CaseStatus.CLOSED, a.reason + " (aprobado por " + actor + ")", actor);
                }
            }
            case CONSENT_OVERRIDE -> {
                Referral r = referrals.load(a.referralId);
                if (decision == Approval.Status.APPROVED) {
                    referrals.move(r, ReferralStatus.REQUESTED, "Excepción de consentimiento aprobada por " + actor, actor);
                    referrals.activate(r, c, actor);
                } else {
                    referrals.move(r, ReferralStatus.CANCELLED, "Excepción de consentimiento rechazada: " + a.comment, actor);
                }
            }
        }
        return a;
    }
}
