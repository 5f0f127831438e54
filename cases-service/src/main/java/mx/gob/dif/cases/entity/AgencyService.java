package mx.gob.dif.cases.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A service an agency offers (HSDS service): who is eligible, ages, fees, documents, area. */
@Entity
@Table(name = "agency_service")
public class AgencyService extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne
    @JoinColumn(name = "agency_id")
    @JsonIgnore
    public Agency agency;
    public String name;
    public String description;
    public String eligibility;
    @Column(name = "min_age")
    public Integer minAge;
    @Column(name = "max_age")
    public Integer maxAge;
    public String fees;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_documents")
    public List<String> requiredDocuments = new ArrayList<>();
    /** INEGI codes of the municipalities served; empty = everywhere. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_area")
    public List<String> serviceArea = new ArrayList<>();
}
