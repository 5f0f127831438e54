package mx.gob.dif.programs.activity;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.DurableProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts activity events on {@link Topics#ACTIVITIES} with the platform's {@link DurableProducer}
 * (acks=all, idempotent): an acknowledged record is on the in-sync replicas and a producer retry
 * never writes it twice. One request sends all its records at once and then waits for every
 * acknowledgement, which lets the producer fill its batches.
 */
@ApplicationScoped
public class ActivityPublisher {
    private static final long ACK_TIMEOUT_MS = 30_000;

    /** The outcome of one send: which records were acknowledged, and the first failure, if any. */
    public record Outcome(boolean[] acked, Exception failure) {
        boolean allAcked() {
            return failure == null;
        }
    }

    private final DurableProducer producer;

    public ActivityPublisher(DurableProducer producer) {
        this.producer = producer;
    }

    /** Sends every report, then waits for every acknowledgement; never throws for a broker failure. */
    public Outcome publishReports(List<ActivityReported> reports) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(reports.size());
        Exception failure = null;
        for (ActivityReported r : reports) {
            try {
                acks.add(producer.send(Topics.ACTIVITIES, r.key(),
                        CloudEvent.of(r.activityId(), producer.source(), EventTypes.ACTIVITY_REPORTED, r.key(), r)));
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
        producer.send(Topics.ACTIVITIES, r.key(), CloudEvent.of(eventId, producer.source(), EventTypes.ACTIVITY_RETRACTED, r.key(), r))
                .get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
