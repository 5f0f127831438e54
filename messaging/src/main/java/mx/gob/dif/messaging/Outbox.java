package mx.gob.dif.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The transactional outbox: {@link #add} writes an event into the service's own {@code outbox_event}
 * table (id bigserial, topic, event_key, payload) in the caller's transaction, so a rolled-back
 * change publishes nothing and a committed one always does; {@link OutboxRelay} publishes the rows.
 */
@ApplicationScoped
public class Outbox {
    private final AgroalDataSource ds;
    private final String source;

    public Outbox(AgroalDataSource ds, DurableProducer producer) {
        this.ds = ds;
        this.source = producer.source();
    }

    /** Adds one event with a new id; call inside the transaction of the change it reports. */
    public void add(String topic, String key, String type, String subject, Object payload) {
        CloudEvent<?> event = CloudEvent.of(UUID.randomUUID().toString(), source, type, subject, payload);
        // a pooled connection is enlisted in the caller's JTA transaction: no commit here
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into outbox_event(topic, event_key, payload) values (?,?,?)")) {
            ps.setString(1, topic);
            ps.setString(2, key);
            ps.setString(3, EventWriter.write(event));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write an outbox event", e);
        }
    }

}
