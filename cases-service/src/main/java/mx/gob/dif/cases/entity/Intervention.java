package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import mx.gob.dif.cases.domain.InterventionType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "intervention")
public class Intervention extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public InterventionType type;
    @Column(name = "done_on")
    public LocalDate doneOn;
    @Column(name = "done_by")
    public String doneBy;
    public String outcome;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public String actor;
}
