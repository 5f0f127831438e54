package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import mx.gob.dif.cases.api.ReferralStep;
import mx.gob.dif.cases.domain.ReferralStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "referral_transition")
public class ReferralTransition extends PanacheEntityBase implements ReferralStep {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReferralStatus toStatus;
    public OffsetDateTime at;
    public String actor;
    public String reason;

    protected ReferralTransition() {
        // for JPA
    }

    /** The step as it happens now; rows of the history are only ever created. */
    public ReferralTransition(UUID referralId, ReferralStatus from, ReferralStatus to, String actor, String reason) {
        this.referralId = referralId;
        this.fromStatus = from;
        this.toStatus = to;
        this.at = OffsetDateTime.now();
        this.actor = actor;
        this.reason = reason;
    }
}
