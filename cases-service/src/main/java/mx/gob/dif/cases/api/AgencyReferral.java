package mx.gob.dif.cases.api;

import mx.gob.dif.cases.domain.ReferralStatus;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.ReferralTransition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A referral as the receiving agency's system sees it: what the letter says and what the agency
 * answered, nothing more. The person's data travel only in the letter (PDF), within the consent's
 * sharing flags; the DIF's internal links and decisions stay out: the case id (the key to the
 * person's whole file), the consent and approval ids (whether the person consented or a director
 * overrode it), and who drafted it.
 */
public record AgencyReferral(UUID id, String ref, String orgUnit, String agencyId, UUID serviceId, String request,
                             ReferralStatus status, String statusLabel, String letterFolio, LocalDate letterIssuedOn,
                             ReferralStatus.Outcome outcome, String outcomeDetail, OffsetDateTime updatedAt) implements ReferralView {

    public static AgencyReferral of(Referral r) {
        return new AgencyReferral(r.id, r.ref, r.orgUnit, r.agencyId, r.serviceId, r.request, r.status, r.status.label(),
                r.letterFolio, r.letterIssuedOn, r.outcome, r.outcomeDetail, r.updatedAt);
    }

    /** The statuses that are the agency's answers (given by it, or recorded by the unit from its paper reply). */
    private static final Set<ReferralStatus> ANSWERS = EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED,
            ReferralStatus.REJECTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED);

    /** One step of the referral's history, as the agency sees it. */
    public record Step(OffsetDateTime at, ReferralStatus fromStatus, ReferralStatus toStatus, String actor, String reason) implements ReferralStep {
    }

    /**
     * The history from the moment the referral was requested: the director's approval of a missing
     * consent (and its reasons) is the DIF's business; reasons are shown for the agency's own answers
     * only, not for the unit's internal steps (e.g. why it revoked).
     */
    public static List<Step> history(List<ReferralTransition> transitions) {
        return transitions.stream()
                .filter(t -> t.toStatus != ReferralStatus.AWAITING_APPROVAL && t.toStatus != ReferralStatus.CANCELLED)
                .map(t -> new Step(t.at, t.fromStatus == ReferralStatus.AWAITING_APPROVAL ? null : t.fromStatus, t.toStatus,
                        ANSWERS.contains(t.toStatus) ? t.actor : null, ANSWERS.contains(t.toStatus) ? t.reason : null))
                .toList();
    }
}
