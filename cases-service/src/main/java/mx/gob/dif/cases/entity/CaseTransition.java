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
import mx.gob.dif.cases.domain.CaseStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a case's history: who moved it, when and why. Never updated. */
@Entity
@Table(name = "case_transition")
public class CaseTransition extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public CaseStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public CaseStatus toStatus;
    public OffsetDateTime at;
    public String actor;
    public String reason;

    protected CaseTransition() {
        // for JPA
    }

    /** The step as it happens now; rows of the history are only ever created. */
    public CaseTransition(UUID caseId, CaseStatus from, CaseStatus to, String actor, String reason) {
        this.caseId = caseId;
        this.fromStatus = from;
        this.toStatus = to;
        this.at = OffsetDateTime.now();
        this.actor = actor;
        this.reason = reason;
    }
}
