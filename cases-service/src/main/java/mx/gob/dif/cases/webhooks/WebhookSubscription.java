package mx.gob.dif.cases.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An agency's system asking to be told of some events at a URL. Never serialized as is. */
@Entity
@Table(name = "webhook_subscription")
@DynamicUpdate
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "agency_id")
    public String agencyId;
    public String url;
    /** The signing secret sealed by {@link WebhookSecrets} (never the secret itself). */
    @Column(name = "secret_sealed")
    public String secretSealed;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> events = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "org_units")
    public List<String> orgUnits = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> indicators = new ArrayList<>();
    /** Written only by the dispatcher's atomic increments and resets. */
    @Column(name = "consecutive_failures", insertable = false, updatable = false)
    public int consecutiveFailures;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;

    public boolean wants(String eventType) {
        return events.contains(eventType);
    }

    /** A reporting.overdue event of a unit passes the unit filter: the unit or one above it (a state gets its municipalities). */
    public boolean matchesUnit(String orgUnit) {
        return orgUnits.isEmpty() || orgUnits.stream().anyMatch(f -> mx.gob.dif.common.security.OrgUnitScope.contains(f, orgUnit));
    }

    /** An indicator.updated event passes the filters (exact codes; an empty filter lets everything through). */
    public boolean matchesIndicator(String indicator, String orgUnit) {
        return (orgUnits.isEmpty() || orgUnits.contains(orgUnit)) && (indicators.isEmpty() || indicators.contains(indicator));
    }
}
