package mx.gob.dif.programs.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.messaging.OutboxTable;

/**
 * Writes catalog events in the caller's transaction; {@link OutboxRelay} publishes them after commit.
 * So a rejected or rolled-back change never publishes anything, and a committed one always does.
 */
@ApplicationScoped
public class Outbox {
    public static final String SOURCE = "/programs-service";
    private final AgroalDataSource ds;

    public Outbox(AgroalDataSource ds) {
        this.ds = ds;
    }

    public void add(String topic, String key, String type, String subject, Object data) {
        OutboxTable.add(ds, SOURCE, topic, key, type, subject, data);
    }
}
