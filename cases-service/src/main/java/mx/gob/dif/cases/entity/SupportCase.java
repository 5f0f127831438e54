package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import mx.gob.dif.cases.domain.CaseCategory;
import mx.gob.dif.cases.domain.CaseOrigin;
import mx.gob.dif.cases.domain.CaseStatus;
import mx.gob.dif.cases.domain.Priority;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A request for support of a vulnerable case (solicitud de apoyo a caso vulnerable). */
@Entity
@Table(name = "support_case")
public class SupportCase extends PanacheEntityBase {
    @Id
    public UUID id;
    public String folio;
    /** Pseudonymous id used in events. */
    public String ref;
    @Column(name = "org_unit")
    public String orgUnit;
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;
    @Enumerated(EnumType.STRING)
    public CaseOrigin origin;
    @Enumerated(EnumType.STRING)
    public CaseCategory category;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public String request;
    @Column(name = "prior_investigation")
    public String priorInvestigation;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Column(name = "assigned_worker")
    public String assignedWorker;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;
}
