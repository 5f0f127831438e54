package mx.gob.dif.cases.webhooks;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import mx.gob.dif.cases.config.ConsumerGroups;
import mx.gob.dif.events.IndicatorUpdated;
import mx.gob.dif.events.ReportingOverdue;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

/**
 * Indicator updates from indicators-service ({@code dif.indicators.updated}, consumer group
 * {@code cases-webhooks}) become one delivery per subscription to {@code indicator.updated} whose
 * filters match (exact unit codes: indicators-service already publishes each ancestor's roll-up, so
 * {@code "10"} is the state's total). Overdue months ({@code dif.reporting.overdue}, same loop) become
 * {@code reporting.overdue} deliveries to subscriptions whose unit filter is the unit or above it; their
 * data is the event's counts only (unit, month, deadline, targets due and reported). The CloudEvent id
 * is the webhook event id, and a delivery is unique per (subscription, event id): a redelivered record
 * queues nothing new. A subscription gets only events that happened after it was created.
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
        loops.start(new EventLoop.Spec("cases-webhooks", groups.webhooks(), List.of(Topics.INDICATOR_UPDATES, Topics.REPORTING_OVERDUE),
                500), this);
    }

    @Override
    public void apply(Batch batch) throws Exception {
        List<WebhookSubscription> subscriptions = null;
        List<WebhookSubscription> overdueSubscriptions = null;
        for (Received r : batch.events()) {
            try {
                if (Topics.REPORTING_OVERDUE.equals(r.topic())) {
                    ReportingOverdue overdue = checkedOverdue(r);
                    if (overdueSubscriptions == null) {
                        overdueSubscriptions = subscriptions(WebhookEvents.REPORTING_OVERDUE);
                    }
                    enqueue(r.event().id(), occurredAt(r), WebhookEvents.REPORTING_OVERDUE, overdue, overdueSubscriptions,
                            s -> s.matchesUnit(overdue.orgUnit()));
                    continue;
                }
                IndicatorUpdated update = checked(r);
                if (subscriptions == null) {
                    subscriptions = subscriptions(WebhookEvents.INDICATOR_UPDATED);
                }
                enqueue(r.event().id(), occurredAt(r), WebhookEvents.INDICATOR_UPDATED, update, subscriptions,
                        s -> s.matchesIndicator(update.indicator(), update.orgUnit()));
            } catch (Refused e) {
                batch.deadLetter(r, e.getMessage());
            }
        }
    }

    private void enqueue(String eventId, Instant occurredAt, String type, Object data, List<WebhookSubscription> subscriptions,
                         Predicate<WebhookSubscription> matches) {
        String body = null;
        for (WebhookSubscription s : subscriptions) {
            if (!matches.test(s) || s.createdAt.toInstant().isAfter(occurredAt)) {
                continue;
            }
            if (body == null) {
                body = new WebhookEvents.Body(eventId, type, occurredAt, data).json();
            }
            queue.enqueue(s.id, type, eventId, body);
        }
    }

    @SuppressWarnings("unchecked")
    private List<WebhookSubscription> subscriptions(String eventType) {
        return em.createNativeQuery("select * from webhook_subscription where ?1 = any(events)", WebhookSubscription.class)
                .setParameter(1, eventType).getResultList();
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

    /** An overdue month, if it can become a delivery. */
    static ReportingOverdue checkedOverdue(Received r) throws Refused {
        if (!(r.event().data() instanceof ReportingOverdue o)) {
            throw new Refused("expected a reporting overdue event on " + r.topic() + ", got " + r.type());
        }
        Refused.fits("event id", r.event().id(), MAX_EVENT_ID);
        Refused.required("orgUnit", o.orgUnit(), Integer.MAX_VALUE);
        Refused.required("month", o.month(), Integer.MAX_VALUE);
        return o;
    }

    private static Instant occurredAt(Received r) {
        Instant at = r.event().time() == null ? Instant.now() : r.event().time().toInstant();
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
