package mx.gob.dif.common.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The transactional outbox every publishing service shares, over its own {@code outbox_event}
 * table (id bigserial, topic, event_key, payload). {@link #add} writes an event in the caller's
 * transaction, so a rolled-back change publishes nothing and a committed one always does;
 * {@link #relayBatch} publishes rows in id order and deletes them only once the broker has
 * acknowledged them (at-least-once; consumers dedupe by event id).
 */
public final class OutboxTable {
    private OutboxTable() {
    }

    /** One CloudEvent row, on a connection of the pool (enlisted in the caller's transaction). */
    public static void add(DataSource ds, String source, String topic, String key, String type, String subject, Object data) {
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), source, type, subject, EventJson.MAPPER.valueToTree(data));
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into outbox_event(topic, event_key, payload) values (?,?,?)")) {
            ps.setString(1, topic);
            ps.setString(2, key);
            ps.setString(3, EventJson.MAPPER.writeValueAsString(event));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write an outbox event", e);
        }
    }

    /** Publishes up to {@code limit} rows and deletes them once acknowledged; returns how many. */
    public static int relayBatch(DataSource ds, Producer<String, String> producer, int limit) throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, topic, event_key, payload from outbox_event order by id limit ?")) {
            ps.setInt(1, limit);
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
            try (Connection c = ds.getConnection();
                 PreparedStatement del = c.prepareStatement("delete from outbox_event where id = any(?)")) {
                del.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                del.executeUpdate();
            }
        }
        return ids.size();
    }

    /** Relays until the table is empty. */
    public static void relayAll(DataSource ds, Producer<String, String> producer, int batch) throws Exception {
        while (relayBatch(ds, producer, batch) == batch) {
            // keep draining
        }
    }

    /**
     * The platform's durable producer: acks=all and idempotence (an acknowledged record is on the
     * broker's log and a retry never duplicates it), lz4 batches.
     */
    public static Producer<String, String> durableProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000), new StringSerializer(), new StringSerializer());
    }
}
