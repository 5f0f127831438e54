package mx.gob.dif.programs.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Publishes outbox rows in order, deleting each batch only once the broker acknowledged it. */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private final AgroalDataSource ds;
    private final KafkaProducers kafka;

    public OutboxRelay(AgroalDataSource ds, KafkaProducers kafka) {
        this.ds = ds;
        this.kafka = kafka;
    }

    @Scheduled(every = "0.2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == 1000);
        } catch (Exception e) {
            LOG.warnf("Outbox relay will retry: %s", e.toString());
        }
    }

    private int relayBatch() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, topic, event_key, payload from outbox_event order by id limit 1000");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                acks.add(kafka.producer().send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        try (Connection c = ds.getConnection();
             PreparedStatement del = c.prepareStatement("delete from outbox_event where id = any(?)")) {
            del.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            del.executeUpdate();
        }
        LOG.debugf("Relayed %d catalog events", ids.size());
        return ids.size();
    }
}
