package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts activity events on {@link Topics#ACTIVITIES}. A plain producer (not the reactive emitter):
 * one request sends all its records at once and then waits for every acknowledgement, which lets
 * the producer fill 64 KiB lz4 batches. acks=all + idempotence: an acknowledged record is on the
 * in-sync replicas and a producer retry never writes it twice.
 */
@ApplicationScoped
public class ActivityPublisher {
    /** Same source as the catalog events of this service. */
    static final String SOURCE = "/programs-service";
    private static final long ACK_TIMEOUT_MS = 30_000;

    /**
     * The CloudEvents envelope with a typed payload: serialized directly, without building a JSON
     * tree per event (the wire format equals {@link mx.gob.dif.events.CloudEvent}).
     */
    record Envelope<T>(String specversion, String id, String source, String type, OffsetDateTime time, String subject,
                       String datacontenttype, T data) {
        static <T> Envelope<T> of(String id, String type, String subject, T data) {
            return new Envelope<>("1.0", id, SOURCE, type, OffsetDateTime.now(), subject, "application/json", data);
        }
    }

    /** The outcome of one send: how many records were acknowledged before the first failure, if any. */
    public record Outcome(boolean[] acked, Exception failure) {
        boolean allAcked() {
            return failure == null;
        }
    }

    private final ObjectWriter writer = EventJson.MAPPER.writerFor(Envelope.class);
    private final Producer<String, String> producer;

    public ActivityPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "programs-activities",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000), new StringSerializer(), new StringSerializer());
    }

    /** Sends every report, then waits for every acknowledgement; never throws for a broker failure. */
    public Outcome publishReports(List<ActivityReported> reports) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(reports.size());
        Exception failure = null;
        for (ActivityReported r : reports) {
            try {
                String key = r.key();
                acks.add(producer.send(new ProducerRecord<>(Topics.ACTIVITIES, key,
                        json(Envelope.of(r.activityId(), EventTypes.ACTIVITY_REPORTED, key, r)))));
            } catch (RuntimeException e) {
                // e.g. metadata not available within max.block.ms: the rest is not sent at all
                failure = e;
                break;
            }
        }
        boolean[] acked = new boolean[reports.size()];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MS);
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked[i] = true;
            } catch (ExecutionException | TimeoutException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
                break;
            }
        }
        return new Outcome(acked, failure);
    }

    /** Publishes one retraction and waits for its acknowledgement. */
    public void publishRetraction(String eventId, ActivityRetracted r) throws Exception {
        String key = r.key();
        producer.send(new ProducerRecord<>(Topics.ACTIVITIES, key, json(Envelope.of(eventId, EventTypes.ACTIVITY_RETRACTED, key, r))))
                .get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private String json(Envelope<?> e) {
        try {
            return writer.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void close(@Observes ShutdownEvent e) {
        producer.close();
    }
}
