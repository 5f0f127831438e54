package mx.gob.dif.programs.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes events in the caller's transaction; {@link OutboxRelay} publishes them after commit.
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
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type, subject, EventJson.MAPPER.valueToTree(data));
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into outbox_event(topic, event_key, payload) values (?,?,?)")) {
            ps.setString(1, topic);
            ps.setString(2, key);
            ps.setString(3, EventJson.MAPPER.writeValueAsString(event));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write outbox event", e);
        }
    }
}
