package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One read or change of a person's or a case's data. Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    public String actor;
    /** The unit whose data was read or changed (null when the request named none and was refused early). */
    @Column(name = "org_unit")
    public String orgUnit;
    /** READ or CHANGE. */
    public String action;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    public String method;
    public String path;
    public int status;
    @Column(name = "source_ip")
    public String sourceIp;
    @Column(name = "request_id")
    public String requestId;
}
