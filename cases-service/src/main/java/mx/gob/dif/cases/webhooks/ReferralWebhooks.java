package mx.gob.dif.cases.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.domain.ReferralStatus;
import mx.gob.dif.cases.entity.Referral;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Tells the agency a referral is addressed to that its status changed: one delivery per subscription
 * of that agency to {@code referral.status-changed}, queued in the transaction of the change itself
 * (a rolled-back change tells nothing, a committed one is never lost).
 */
@ApplicationScoped
public class ReferralWebhooks {
    private final DeliveryQueue queue;

    public ReferralWebhooks(DeliveryQueue queue) {
        this.queue = queue;
    }

    /** Called by ReferralService for every transition it records, inside its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Referral r, ReferralStatus from, ReferralStatus to, OffsetDateTime at) {
        if (!toldToAgency(to)) {
            return;
        }
        List<WebhookSubscription> subscriptions = WebhookSubscription.<WebhookSubscription>list("agencyId", r.agencyId).stream()
                .filter(s -> s.wants(WebhookEvents.REFERRAL_STATUS_CHANGED)).toList();
        if (subscriptions.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        String body = new WebhookEvents.Body(eventId, WebhookEvents.REFERRAL_STATUS_CHANGED,
                (at == null ? OffsetDateTime.now() : at).toInstant().truncatedTo(ChronoUnit.MILLIS),
                data(r, from, to)).json();
        for (WebhookSubscription s : subscriptions) {
            queue.enqueue(s.id, WebhookEvents.REFERRAL_STATUS_CHANGED, eventId, body);
        }
    }

    /**
     * Identifiers and statuses only: never the person, the request's text, reasons or outcomes'
     * free text. A referral waiting for the director's consent override is not the agency's business
     * yet: it first hears of it as REQUESTED (with no previous status), and never of a denied one.
     */
    static WebhookEvents.ReferralStatusChanged data(Referral r, ReferralStatus from, ReferralStatus to) {
        String previous = from == null || from == ReferralStatus.AWAITING_APPROVAL ? null : from.name();
        return new WebhookEvents.ReferralStatusChanged(r.id.toString(), r.letterFolio, to.name(), previous, r.agencyId, r.orgUnit);
    }

    static boolean toldToAgency(ReferralStatus to) {
        return to != ReferralStatus.AWAITING_APPROVAL && to != ReferralStatus.CANCELLED;
    }
}
