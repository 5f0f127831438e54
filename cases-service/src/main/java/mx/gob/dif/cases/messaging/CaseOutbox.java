package mx.gob.dif.cases.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.Outbox;

/**
 * Case events are written in the transaction of the change they tell about and relayed to Kafka
 * after commit by the platform's outbox relay: a rolled-back change publishes nothing, a committed
 * one always does. Only {@link CaseEvent}s go out, and they carry no personal data by construction.
 */
@ApplicationScoped
public class CaseOutbox {
    private final Outbox outbox;

    public CaseOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(CaseEvent event) {
        outbox.add(Topics.CASE_EVENTS, event.key(), EventTypes.CASE_CHANGED, event.key(), event);
    }
}
