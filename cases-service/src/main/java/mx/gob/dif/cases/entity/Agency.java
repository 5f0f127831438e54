package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An external organism or public agency cases are referred to (HSDS organization). */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {
    /** Stable code, e.g. SALUD-DGO; integrators' tokens name their agency by it. */
    @Id
    public String id;
    public String name;
    /** PUBLIC or PRIVATE. */
    public String kind;
    public String description;
    public String phone;
    public String email;
    public String address;
    /** True when the agency answers through the platform; otherwise referrals are tracked by hand. */
    @Column(name = "on_platform")
    public boolean onPlatform;
    @Column(name = "last_verified")
    public LocalDate lastVerified;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @OneToMany(mappedBy = "agency", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("name")
    public List<AgencyService> services = new ArrayList<>();
}
