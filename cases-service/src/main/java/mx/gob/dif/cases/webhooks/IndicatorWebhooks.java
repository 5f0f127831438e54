package mx.gob.dif.cases.webhooks;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import mx.gob.dif.cases.config.ConsumerGroups;
import mx.gob.dif.events.IndicatorUpdated;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;

import java.time.Instant;
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
public class IndicatorWebhooks implements BatchHandler {
    /** webhook_delivery.event_id (V3__webhooks.sql). */
    private static final int MAX_EVENT_ID = 100;
    private final EntityManager em;
    private final DeliveryQueue queue;

    public IndicatorWebhooks(EntityManager em, DeliveryQueue queue) {
        this.em = em;
        this.queue = queue;
    }

    void start(@Observes StartupEvent e, EventLoops loops, ConsumerGroups groups) {
        loops.start(new EventLoop.Spec("cases-webhooks", groups.webhooks(), List.of(Topics.INDICATOR_UPDATES), 500), this);
    }

    @Override
    public void apply(Batch batch) throws Exception {
        List<WebhookSubscription> subscriptions = null;
        for (Received r : batch.events()) {
            IndicatorUpdated update;
            try {
                update = checked(r);
            } catch (Refused e) {
                batch.deadLetter(r, e.getMessage());
                continue;
            }
            if (subscriptions == null) {
                subscriptions = subscriptions();
            }
            enqueue(r.event().id(), occurredAt(r), update, subscriptions);
        }
    }

    private void enqueue(String eventId, Instant occurredAt, IndicatorUpdated update, List<WebhookSubscription> subscriptions) {
        String body = null;
        for (WebhookSubscription s : subscriptions) {
            if (!s.matchesIndicator(update.indicator(), update.orgUnit()) || s.createdAt.toInstant().isAfter(occurredAt)) {
                continue;
            }
            if (body == null) {
                body = new WebhookEvents.Body(eventId, WebhookEvents.INDICATOR_UPDATED, occurredAt, update).json();
            }
            queue.enqueue(s.id, WebhookEvents.INDICATOR_UPDATED, eventId, body);
        }
    }

    @SuppressWarnings("unchecked")
    private List<WebhookSubscription> subscriptions() {
        return em.createNativeQuery("select * from webhook_subscription where ?1 = any(events)", WebhookSubscription.class)
                .setParameter(1, WebhookEvents.INDICATOR_UPDATED).getResultList();
    }

    /** The update, if it can become a delivery. */
    static IndicatorUpdated checked(Received r) throws Refused {
        if (!(r.event().data() instanceof IndicatorUpdated u)) {
            throw new Refused("expected an indicator update on " + r.topic() + ", got " + r.type());
        }
        Refused.fits("event id", r.event().id(), MAX_EVENT_ID);
        Refused.required("indicator", u.indicator(), Integer.MAX_VALUE);
        Refused.required("orgUnit", u.orgUnit(), Integer.MAX_VALUE);
        return u;
    }

    private static Instant occurredAt(Received r) {
        Instant at = r.event().time() == null ? Instant.now() : r.event().time().toInstant();
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
