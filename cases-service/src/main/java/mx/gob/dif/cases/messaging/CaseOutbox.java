package mx.gob.dif.cases.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;

import java.util.UUID;

/**
 * Case events are written in the transaction of the change they tell about and relayed to Kafka
 * after commit ({@link OutboxRelay}): a rolled-back change publishes nothing, a committed one
 * always does. Only {@link CaseEvent}s go out, and they carry no personal data by construction.
 */
@ApplicationScoped
public class CaseOutbox {
    public static final String SOURCE = "/cases-service";
    private final EntityManager em;

    public CaseOutbox(EntityManager em) {
        this.em = em;
    }

    public void publish(CaseEvent event) {
        CloudEvent envelope = CloudEvent.of(UUID.randomUUID().toString(), SOURCE, EventTypes.CASE_CHANGED,
                event.key(), EventJson.MAPPER.valueToTree(event));
        try {
            em.createNativeQuery("insert into outbox_event(topic, event_key, payload) values (?1, ?2, ?3)")
                    .setParameter(1, Topics.CASE_EVENTS)
                    .setParameter(2, event.key())
                    .setParameter(3, EventJson.MAPPER.writeValueAsString(envelope))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize a case event", e);
        }
    }
}
