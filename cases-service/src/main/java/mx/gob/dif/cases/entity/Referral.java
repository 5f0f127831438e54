package mx.gob.dif.cases.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import mx.gob.dif.cases.api.ReferralView;
import mx.gob.dif.cases.domain.ReferralStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case referred (canalizado) to an agency, with its letter and its answer. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase implements ReferralView {
    @Id
    public UUID id;
    public String ref;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "org_unit")
    public String orgUnit;
    @Column(name = "agency_id")
    public String agencyId;
    @Column(name = "service_id")
    public UUID serviceId;
    public String request;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    @Column(name = "consent_id")
    public UUID consentId;
    @Column(name = "approval_id")
    public UUID approvalId;
    /** Data minimization: the letter carries the CURP / address only when the agency needs them. */
    @Column(name = "share_curp")
    public boolean shareCurp;
    @Column(name = "share_address")
    public boolean shareAddress;
    @Column(name = "letter_folio")
    public String letterFolio;
    @Column(name = "letter_issued_on")
    public LocalDate letterIssuedOn;
    @JsonIgnore
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "letter_pdf")
    public byte[] letterPdf;
    @Enumerated(EnumType.STRING)
    public ReferralStatus.Outcome outcome;
    @Column(name = "outcome_detail")
    public String outcomeDetail;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;
}
