package mx.gob.dif.cases.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Life cycle of a referral (canalización), modeled on FHIR Task: the sender requests, the agency
 * acknowledges receipt, accepts or rejects (with reason), works on it and completes it with an
 * outcome. The sender can revoke it while it is not finished. A referral whose consent is being
 * overridden waits for the director's approval first.
 */
public enum ReferralStatus {
    AWAITING_APPROVAL("En espera de aprobación"),
    REQUESTED("Solicitada"),
    RECEIVED("Recibida por la dependencia"),
    ACCEPTED("Aceptada"),
    REJECTED("Rechazada por la dependencia"),
    IN_PROGRESS("En proceso"),
    COMPLETED("Concluida"),
    REVOKED("Revocada"),
    CANCELLED("Cancelada (aprobación denegada)");

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(
            AWAITING_APPROVAL, EnumSet.of(REQUESTED, CANCELLED),
            REQUESTED, EnumSet.of(RECEIVED, ACCEPTED, REJECTED, REVOKED),
            RECEIVED, EnumSet.of(ACCEPTED, REJECTED, REVOKED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, COMPLETED, REVOKED),
            IN_PROGRESS, EnumSet.of(COMPLETED, REVOKED),
            REJECTED, EnumSet.noneOf(ReferralStatus.class),
            COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            REVOKED, EnumSet.noneOf(ReferralStatus.class),
            CANCELLED, EnumSet.noneOf(ReferralStatus.class));

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(ReferralStatus to) {
        return NEXT.get(this).contains(to);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** What the agency granted when it completed the referral. */
    public enum Outcome {
        SUPPORT_GRANTED("Apoyo otorgado"),
        FEE_REDUCED("Reducción de cuota"),
        EXEMPTED("Exención de pago"),
        NOT_SUCCESSFUL("Sin éxito");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
