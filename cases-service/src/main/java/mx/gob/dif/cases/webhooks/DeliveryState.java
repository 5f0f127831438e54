package mx.gob.dif.cases.webhooks;

/** PENDING (waiting for its next attempt), DELIVERED (a 2xx answer) or FAILED (no attempt left). */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED
}
