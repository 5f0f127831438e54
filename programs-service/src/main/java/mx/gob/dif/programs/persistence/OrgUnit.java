package mx.gob.dif.programs.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A unit of the org-unit hierarchy (nation → state → municipality), keyed by its INEGI code. Entity
 * CRUD, so Hibernate ORM with Panache, the platform's style for entities (docs/ARCHITECTURE.md);
 * the parent is kept as its code (the hierarchy is read from the in-memory cache, not navigated).
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {
    @Id
    @Column(length = 16)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 16)
    public String level;

    @Column(name = "parent_code", length = 16)
    public String parentCode;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
