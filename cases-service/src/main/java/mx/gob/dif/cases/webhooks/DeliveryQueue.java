package mx.gob.dif.cases.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The delivery table as a queue. Deliveries are written in the transaction of the change they tell
 * about; the dispatcher claims due ones in short transactions ({@code FOR UPDATE SKIP LOCKED}, then a
 * lease: the row is not due again until the attempt's outcome is written or the lease runs out, so
 * an instance that dies mid-send only delays the delivery) and records each attempt's outcome.
 */
@ApplicationScoped
public class DeliveryQueue {
    private final EntityManager em;

    public DeliveryQueue(EntityManager em) {
        this.em = em;
    }

    /** A delivery claimed for one attempt: everything the sender needs, with the subscription's current secret, sealed. */
    public record Claimed(UUID id, UUID subscriptionId, String agency, String url, String sealedSecret, String eventType,
                          String payload, int attempt) {
        @Override
        public String toString() {
            // never the secret, the URL's path or the body
            return "delivery " + id + " (subscription " + subscriptionId + ", " + WebhookUrls.forLogs(url) + ")";
        }
    }

    /**
     * What one attempt gave: an HTTP status, or no status and a reason. {@code error} is Spanish and
     * short (it is shown in the delivery log); {@code logReason} is English, for the service's log.
     */
    public record Outcome(Integer statusCode, String error, String logReason) {
        public static Outcome answered(int status) {
            return status / 100 == 2 ? new Outcome(status, null, "HTTP " + status)
                    : new Outcome(status, status / 100 == 3
                    ? "El receptor respondió HTTP " + status + " (redirección): las redirecciones no se siguen."
                    : "El receptor respondió HTTP " + status + ".", "HTTP " + status);
        }

        public static Outcome failed(String error, String logReason) {
            return new Outcome(null, error, logReason);
        }

        public boolean delivered() {
            return error == null && statusCode != null && statusCode / 100 == 2;
        }
    }

    /** The delivery after an attempt was recorded, for the dispatcher's log. */
    public record Recorded(DeliveryState state, int attempts, OffsetDateTime nextAttemptAt, int consecutiveFailures) {
    }

    /**
     * Queues one event for one subscription in the caller's transaction; a second call with the same
     * event id for the same subscription changes nothing. True if a delivery was added.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(UUID subscriptionId, String eventType, String eventId, String payload) {
        OffsetDateTime now = OffsetDateTime.now();
        return em.createNativeQuery("""
                        insert into webhook_delivery(id, subscription_id, event_type, event_id, payload, state, next_attempt_at, created_at)
                        values (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6, ?6)
                        on conflict (subscription_id, event_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, eventType)
                .setParameter(4, eventId).setParameter(5, payload).setParameter(6, now)
                .executeUpdate() == 1;
    }

    /** Claims up to {@code limit} due deliveries for one attempt each, oldest due first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now();
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> due = em.createNativeQuery("""
                        select * from webhook_delivery
                        where state = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at
                        limit ?2
                        for update skip locked""", WebhookDelivery.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, WebhookSubscription> subscriptions = WebhookSubscription.<WebhookSubscription>list("id in ?1",
                        due.stream().map(d -> d.subscriptionId).distinct().toList())
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<Claimed> claimed = new ArrayList<>(due.size());
        for (WebhookDelivery d : due) {
            WebhookSubscription s = subscriptions.get(d.subscriptionId);
            if (s == null) {
                continue; // deleted meanwhile; its deliveries go with it
            }
            d.nextAttemptAt = now.plus(lease);
            claimed.add(new Claimed(d.id, s.id, s.agencyId, s.url, s.secretSealed, d.eventType, d.payload, d.attempts + 1));
        }
        return claimed;
    }

    /**
     * Writes one attempt's outcome: DELIVERED on a 2xx; otherwise PENDING with the next attempt per
     * the schedule, or FAILED when the round's last attempt failed. Null if the delivery is gone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(UUID deliveryId, Outcome outcome, Backoff backoff, DoubleSupplier random) {
        WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
        if (d == null || d.state != DeliveryState.PENDING) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now();
        d.attempts++;
        d.roundAttempts++;
        d.lastAttemptAt = now;
        d.lastStatusCode = outcome.statusCode();
        d.lastError = outcome.delivered() ? null : shorten(outcome.error());
        int failures;
        if (outcome.delivered()) {
            d.state = DeliveryState.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            em.createNativeQuery("update webhook_subscription set consecutive_failures = 0 where id = ?1 and consecutive_failures <> 0")
                    .setParameter(1, d.subscriptionId).executeUpdate();
            failures = 0;
        } else {
            var next = backoff.next(d.roundAttempts, random);
            d.state = next.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED;
            d.nextAttemptAt = next.map(now::plus).orElse(null);
            em.createNativeQuery("update webhook_subscription set consecutive_failures = consecutive_failures + 1 where id = ?1")
                    .setParameter(1, d.subscriptionId).executeUpdate();
            Object n = em.createNativeQuery("select consecutive_failures from webhook_subscription where id = ?1")
                    .setParameter(1, d.subscriptionId).getResultList().stream().findFirst().orElse(0);
            failures = ((Number) n).intValue();
        }
        return new Recorded(d.state, d.attempts, d.nextAttemptAt, failures);
    }

    static String shorten(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= 200 ? error : error.substring(0, 199) + "…";
    }
}
