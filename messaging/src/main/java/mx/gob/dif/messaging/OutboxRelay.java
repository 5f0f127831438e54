package mx.gob.dif.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes {@link Outbox} rows in id order and deletes them only once the broker acknowledged
 * them (at-least-once; consumers dedupe by event id). Present in services that set
 * {@code dif.outbox.enabled=true} at build time (they own an {@code outbox_event} table).
 */
@ApplicationScoped
@IfBuildProperty(name = "dif.outbox.enabled", stringValue = "true")
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private final AgroalDataSource ds;
    private final DurableProducer producer;
    private final int batch;

    public OutboxRelay(AgroalDataSource ds, DurableProducer producer,
                       @ConfigProperty(name = "dif.outbox.relay-batch", defaultValue = "500") int batch) {
        this.ds = ds;
        this.producer = producer;
        this.batch = batch;
    }

    @Scheduled(every = "${dif.outbox.relay-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            relayAll();
        } catch (Exception e) {
            LOG.warnf("Outbox relay will retry: %s", e.toString());
        }
    }

    /** Relays until the table is empty. */
    public void relayAll() throws Exception {
        while (relayBatch() == batch) {
            // keep draining
        }
    }

    private int relayBatch() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, topic, event_key, payload from outbox_event order by id limit ?")) {
            ps.setInt(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    acks.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
                }
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        if (!ids.isEmpty()) {
            delete(ids);
        }
        return ids.size();
    }

    private void delete(List<Long> ids) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement del = c.prepareStatement("delete from outbox_event where id = any(?)")) {
            del.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            del.executeUpdate();
        }
    }
}
