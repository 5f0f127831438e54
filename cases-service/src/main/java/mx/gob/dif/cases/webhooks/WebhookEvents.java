package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import mx.gob.dif.events.EventJson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The events integrators subscribe to and the one body shape every delivery has:
 * {@code {id, type, occurredAt, data}}. What goes in {@code data} is decided here, field by field,
 * and never includes a person's data.
 */
public final class WebhookEvents {
    public static final String REFERRAL_STATUS_CHANGED = "referral.status-changed";
    public static final String INDICATOR_UPDATED = "indicator.updated";
    /** A unit missed a month's reporting deadline (indicators-service's ReportingOverdue: counts only). */
    public static final String REPORTING_OVERDUE = "reporting.overdue";
    /** Sent by {@code POST /webhooks/{id}/test}; not subscribable. */
    public static final String PING = "ping";
    public static final List<String> SUBSCRIBABLE = List.of(REFERRAL_STATUS_CHANGED, INDICATOR_UPDATED, REPORTING_OVERDUE);

    private WebhookEvents() {
    }

    /** A delivery's body. {@code id} is the event's: the same for every subscription that gets it. */
    public record Body(String id, String type, Instant occurredAt, Object data) {
        public String json() {
            try {
                return EventJson.MAPPER.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write a webhook body", e);
            }
        }
    }

    /** {@code data} of {@code referral.status-changed}: identifiers and statuses only. */
    public record ReferralStatusChanged(String referralId, String folio, String status, String previousStatus,
                                        String agency, String orgUnit) {
    }

    /** {@code data} of {@code ping}. */
    public record Ping(String subscriptionId, String agency, String message) {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
