package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the webhook endpoints read and answer. The secret appears only on creation and rotation. */
public final class WebhookDtos {
    private WebhookDtos() {
    }

    /** {@code agency} only for administrators (an integrator's is its token's). */
    public record SubscriptionInput(String url, List<String> events, List<String> orgUnits, List<String> indicators,
                                    String agency) {
    }

    public record SubscriptionView(UUID id, String agency, String url, List<String> events, List<String> orgUnits,
                                   List<String> indicators, int consecutiveFailures, OffsetDateTime createdAt,
                                   String createdBy, OffsetDateTime secretRotatedAt,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
        /** {@code secret}: the new secret on creation and rotation, otherwise null (it cannot be read back). */
        static SubscriptionView of(WebhookSubscription s, String secret) {
            return new SubscriptionView(s.id, s.agencyId, s.url, List.copyOf(s.events), List.copyOf(s.orgUnits),
                    List.copyOf(s.indicators), s.consecutiveFailures, s.createdAt, s.createdBy, s.secretRotatedAt, secret);
        }
    }

    /** One line of the delivery log: never the body, never the receiver's answer. */
    public record DeliveryView(UUID id, UUID subscriptionId, String eventType, String eventId, DeliveryState state,
                               int attempts, int manualRetries, Integer lastStatusCode, String lastError,
                               OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, OffsetDateTime createdAt,
                               OffsetDateTime deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.subscriptionId, d.eventType, d.eventId, d.state, d.attempts, d.manualRetries,
                    d.lastStatusCode, d.lastError, d.nextAttemptAt, d.lastAttemptAt, d.createdAt, d.deliveredAt);
        }
    }
}
