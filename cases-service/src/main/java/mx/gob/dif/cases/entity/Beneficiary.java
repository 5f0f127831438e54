package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A person the unit supports: a minor (with a guardian), an adult, a member of a household. */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "org_unit")
    public String orgUnit;
    public String curp;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "second_last_name")
    public String secondLastName;
    @Column(name = "name_key")
    public String nameKey;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String sex;
    public String locality;
    public String municipality;
    public String address;
    public String phone;
    @Column(name = "guardian_id")
    public UUID guardianId;
    public String household;
    /** Sensitive categories (health, pregnancy, substanceUse, delinquency, violence) → free text. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> sensitive = new HashMap<>();
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;

    public String fullName() {
        return firstName + " " + lastName + (secondLastName == null || secondLastName.isBlank() ? "" : " " + secondLastName);
    }
}
