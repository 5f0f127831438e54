package mx.gob.dif.cases.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An office's petition (oficio de petición) for a case's follow-up report, due in 10–20 days. */
@Entity
@Table(name = "follow_up_request")
public class FollowUpRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "org_unit")
    public String orgUnit;
    public String office;
    @Column(name = "petition_ref")
    public String petitionRef;
    @Column(name = "requested_on")
    public LocalDate requestedOn;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "assigned_to")
    public String assignedTo;
    /** REQUESTED or DELIVERED. */
    public String status;
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    @Column(name = "delivered_by")
    public String deliveredBy;
    @Column(name = "report_folio")
    public String reportFolio;
    @JsonIgnore
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "report_pdf")
    public byte[] reportPdf;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public String actor;
}
