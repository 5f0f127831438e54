package mx.gob.dif.cases.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event for one subscription, with the log of its attempts. */
@Entity
@Table(name = "webhook_delivery")
@DynamicUpdate
public class WebhookDelivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "event_id")
    public String eventId;
    public String payload;
    @Enumerated(EnumType.STRING)
    public DeliveryState state;
    public int attempts;
    @Column(name = "round_attempts")
    public int roundAttempts;
    @Column(name = "manual_retries")
    public int manualRetries;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
}
