package mx.gob.dif.cases.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a beneficiary's record: created, updated, merged (who, when, why). */
@Entity
@Table(name = "beneficiary_history")
public class BeneficiaryHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    public Long id;
    @JsonIgnore
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;
    public OffsetDateTime at;
    public String actor;
    public String action;
    public String detail;
}
