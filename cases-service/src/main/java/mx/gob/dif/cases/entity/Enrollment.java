package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A case taken into a program of the unit's work plan (es competencia de DIF). */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "org_unit")
    public String orgUnit;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "program_code")
    public String programCode;
    @Column(name = "enrolled_on")
    public LocalDate enrolledOn;
    public String actor;
}
