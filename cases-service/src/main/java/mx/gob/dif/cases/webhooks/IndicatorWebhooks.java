package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.IndicatorUpdated;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Indicator updates from indicators-service ({@code dif.indicators.updated}, consumer group
 * {@code cases-webhooks}) become one delivery per subscription to {@code indicator.updated} whose
 * filters match (exact unit codes: indicators-service already publishes each ancestor's roll-up, so
 * {@code "10"} is the state's total). The CloudEvent id is the webhook event id, and a delivery is
 * unique per (subscription, event id): a redelivered record queues nothing new. A subscription gets
 * only events that happened after it was created.
 */
@ApplicationScoped
public class IndicatorWebhooks {
    private static final Logger LOG = Logger.getLogger(IndicatorWebhooks.class);
    private final EntityManager em;
    private final DeliveryQueue queue;

    public IndicatorWebhooks(EntityManager em, DeliveryQueue queue) {
        this.em = em;
        this.queue = queue;
    }

    @Incoming("webhook-indicators")
    @Blocking
    @Transactional
    public void onIndicatorUpdated(String json) {
        Event e = parse(json);
        if (e == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<WebhookSubscription> subscriptions = em.createNativeQuery(
                        "select * from webhook_subscription where ?1 = any(events)", WebhookSubscription.class)
                .setParameter(1, WebhookEvents.INDICATOR_UPDATED).getResultList();
        String body = null;
        for (WebhookSubscription s : subscriptions) {
            if (!s.matchesIndicator(e.data().indicator(), e.data().orgUnit()) || s.createdAt.toInstant().isAfter(e.occurredAt())) {
                continue;
            }
            if (body == null) {
                body = new WebhookEvents.Body(e.id(), WebhookEvents.INDICATOR_UPDATED, e.occurredAt(), e.data()).json();
            }
            queue.enqueue(s.id, WebhookEvents.INDICATOR_UPDATED, e.id(), body);
        }
    }

    record Event(String id, Instant occurredAt, IndicatorUpdated data) {
    }

    /** The event, or null (logged, skipped) when it is not a well-formed indicator update. */
    static Event parse(String json) {
        try {
            JsonNode node = EventJson.MAPPER.readTree(json);
            String type = text(node, "type");
            if (type != null && !EventTypes.INDICATOR_UPDATED.equals(type)) {
                return null;
            }
            String id = text(node, "id");
            JsonNode data = node.get("data");
            IndicatorUpdated u = data == null || data.isNull() ? null : EventJson.MAPPER.treeToValue(data, IndicatorUpdated.class);
            if (id == null || id.length() > 100 || u == null || u.indicator() == null || u.orgUnit() == null) {
                LOG.warn("Skipping an indicator update without id, indicator or unit");
                return null;
            }
            String time = text(node, "time");
            Instant at = time == null ? Instant.now() : OffsetDateTime.parse(time).toInstant();
            return new Event(id, at.truncatedTo(ChronoUnit.MILLIS), u);
        } catch (Exception ex) {
            LOG.warnf("Skipping a malformed indicator update: %s", ex.getClass().getSimpleName());
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
