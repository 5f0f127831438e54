package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The beneficiary's (or guardian's) consent to share their data for one purpose. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    /** REFERRAL (the only purpose so far). */
    public String purpose;
    /** When set, the consent covers referrals to this agency only. */
    @Column(name = "agency_id")
    public String agencyId;
    /** BENEFICIARY or GUARDIAN. */
    @Column(name = "given_by")
    public String givenBy;
    @Column(name = "guardian_id")
    public UUID guardianId;
    @Column(name = "given_on")
    public LocalDate givenOn;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    public String actor;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoked_reason")
    public String revokedReason;

    public boolean covers(String agency) {
        return revokedAt == null && "REFERRAL".equals(purpose) && (agencyId == null || agencyId.equals(agency));
    }
}
