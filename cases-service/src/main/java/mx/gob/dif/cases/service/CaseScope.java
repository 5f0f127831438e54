package mx.gob.dif.cases.service;

import jakarta.enterprise.context.RequestScoped;
import mx.gob.dif.cases.domain.ReferralStatus;
import mx.gob.dif.cases.entity.Consent;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Identity;
import mx.gob.dif.common.security.OrgUnitScope;
import mx.gob.dif.common.security.Roles;

/**
 * Who may touch which case data in this request (docs/SECURITY.md), on top of the roles each
 * resource names in {@code @RolesAllowed}: case workers and directors only the records of their own
 * unit and the units below it; an integrator only the referrals sent to its agency. The services
 * check every record they load for a caller (an unknown id stays 404) through here, built on
 * service-common's {@link CurrentUser}; lists are restricted in their query ({@link #reach()}).
 *
 * <p>It also remembers the unit whose data the request touched, for the audit trail: the first unit
 * checked, or the one refused.
 */
@RequestScoped
public class CaseScope {
    private final CurrentUser user;
    private String touchedUnit;

    public CaseScope(CurrentUser user) {
        this.user = user;
    }

    /** The name that goes into histories and the audit trail. */
    public String actor() {
        return user.name();
    }

    /** An agency's system, as opposed to a person of a DIF unit. */
    public boolean isAgency() {
        Identity who = user.get();
        return who.hasAny(Roles.INTEGRATOR) && !who.hasAny(Roles.CASE_WORKER, Roles.DIRECTOR);
    }

    /** The agency an integrator speaks for. */
    String agency() {
        return user.get().agency();
    }

    /** What list queries of this caller are restricted to. */
    Reach reach() {
        return isAgency() ? Reach.ofAgency(agency()) : Reach.ofUnit(user.get().orgUnit());
    }

    /** 403 unless the unit is the caller's own or lies below it. */
    void requireUnit(String orgUnit) {
        if (touchedUnit == null || !user.get().covers(orgUnit)) {
            touchedUnit = orgUnit;
        }
        user.requireUnit(orgUnit);
    }

    /**
     * The unit named in a request body, checked when it is an org unit code at all. Anything else is
     * left to the body's validation (422 in Spanish, nothing stored), which accepts only INEGI codes.
     */
    void requireUnitInBody(String orgUnit) {
        String u = orgUnit == null ? null : orgUnit.trim();
        if (u != null && (OrgUnitScope.COUNTRY.equals(u) || OrgUnitScope.isInegi(u))) {
            requireUnit(u);
        }
    }

    /** A list's {@code orgUnit} filter: checked when given; without it the list keeps to {@link #reach()}. */
    String filter(String orgUnit) {
        if (orgUnit == null || orgUnit.isBlank()) {
            if (touchedUnit == null) {
                touchedUnit = user.get().orgUnit();
            }
            return null;
        }
        requireUnit(orgUnit.trim());
        return orgUnit.trim();
    }

    /**
     * A referral the caller may read or answer: people of the sending unit (or above it); an
     * integrator only when it is addressed to its agency and was sent, i.e. its letter was issued.
     */
    void requireReferral(Referral r) {
        if (!isAgency()) {
            requireUnit(r.orgUnit);
            return;
        }
        touchedUnit = r.orgUnit;
        if (!user.get().speaksFor(r.agencyId) || r.letterFolio == null) {
            throw ProblemException.forbidden("La canalización " + r.id + " no está dirigida a su dependencia ("
                    + agency() + ") o aún no se le ha enviado la Solicitud de Gestión.");
        }
    }

    /**
     * The letter carries the person's data under the consent it was issued with: once the DIF revoked
     * the referral, or the person withdrew that consent, the agency can no longer download it (it still
     * sees the referral and its status).
     */
    void requireLetter(Referral r) {
        requireReferral(r);
        if (isAgency()) {
            Consent consent = r.consentId == null ? null : Consent.findById(r.consentId);
            if (r.status == ReferralStatus.REVOKED || consent != null && consent.revokedAt != null) {
                throw ProblemException.forbidden("La canalización " + r.id + " fue revocada o se retiró el consentimiento: "
                        + "la Solicitud de Gestión ya no está disponible para su dependencia.");
            }
        }
    }

    /**
     * The unit to write into the audit entry of this request, if it touched one: null when it touched
     * none, or named something that is no org unit at all (a probe with an overlong or made-up
     * {@code orgUnit}); the trail then files the entry under the record's or the caller's own unit.
     */
    public String auditUnit() {
        return touchedUnit != null && (OrgUnitScope.COUNTRY.equals(touchedUnit) || OrgUnitScope.isInegi(touchedUnit)) ? touchedUnit : null;
    }

    /** The caller's own unit; null for an agency's system, or when the request carried no valid token. */
    public String ownUnit() {
        try {
            return user.get().orgUnit();
        } catch (RuntimeException unauthenticated) {
            return null;
        }
    }
}
