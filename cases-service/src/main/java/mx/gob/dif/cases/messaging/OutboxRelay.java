package mx.gob.dif.cases.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends outbox rows in id order with a durable producer (acks=all, idempotent) and deletes them
 * only once the broker acknowledged them: at-least-once, and consumers dedupe by event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private final AgroalDataSource ds;
    private final Producer<String, String> producer;

    public OutboxRelay(AgroalDataSource ds, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.ds = ds;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000), new StringSerializer(), new StringSerializer());
    }

    @Scheduled(every = "0.2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (relayBatch() == BATCH) {
                // keep draining
            }
        } catch (Exception e) {
            LOG.warnf("Case event relay will retry: %s", e.toString());
        }
    }

    private int relayBatch() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, topic, event_key, payload from outbox_event order by id limit " + BATCH);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                acks.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        if (!ids.isEmpty()) {
            try (Connection c = ds.getConnection();
                 PreparedStatement del = c.prepareStatement("delete from outbox_event where id = any(?)")) {
                del.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                del.executeUpdate();
            }
        }
        return ids.size();
    }

    void close(@Observes ShutdownEvent e) {
        producer.close();
    }
}
