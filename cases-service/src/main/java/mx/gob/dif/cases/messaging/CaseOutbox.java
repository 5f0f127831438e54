package mx.gob.dif.cases.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.messaging.OutboxTable;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;

/**
 * Case events are written in the transaction of the change they tell about and relayed to Kafka
 * after commit ({@link OutboxRelay}): a rolled-back change publishes nothing, a committed one
 * always does. Only {@link CaseEvent}s go out, and they carry no personal data by construction.
 */
@ApplicationScoped
public class CaseOutbox {
    public static final String SOURCE = "/cases-service";
    private final AgroalDataSource ds;

    public CaseOutbox(AgroalDataSource ds) {
        this.ds = ds;
    }

    public void publish(CaseEvent event) {
        OutboxTable.add(ds, SOURCE, Topics.CASE_EVENTS, event.key(), EventTypes.CASE_CHANGED, event.key(), event);
    }
}
