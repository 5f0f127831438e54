package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import mx.gob.dif.cases.domain.Approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A decision waiting for (or taken by) a director. Kept forever as the approval history. */
@Entity
@Table(name = "approval")
public class ApprovalRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Approval.Kind kind;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "org_unit")
    public String orgUnit;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Approval.Status status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    public String comment;
}
