package mx.gob.dif.programs.activity;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.DurableProducer;
import mx.gob.dif.messaging.TransactionFailure;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts activity events on {@link Topics#ACTIVITIES} with the platform's {@link DurableProducer},
 * each request's events (or a group's: {@link ReportGroupCommit}) as ONE Kafka transaction
 * ({@link DurableProducer#sendAtomically}): the consumers (read_committed) see all of a batch or none
 * of it, and a request answered as failed can never land later, because its transaction was aborted.
 * The events are returned as published: the ledger records their time.
 */
@ApplicationScoped
public class ActivityPublisher {
    private final DurableProducer producer;

    public ActivityPublisher(DurableProducer producer) {
        this.producer = producer;
    }

    /** Publishes every report, or none (throws); returns the events as published. */
    public List<CloudEvent<ActivityReported>> publishReports(List<ActivityReported> reports) throws TransactionFailure {
        List<CloudEvent<ActivityReported>> events = new ArrayList<>(reports.size());
        List<ProducerRecord<String, String>> records = new ArrayList<>(reports.size());
        for (ActivityReported r : reports) {
            CloudEvent<ActivityReported> e = CloudEvent.of(r.activityId(), producer.source(), EventTypes.ACTIVITY_REPORTED, r.key(), r);
            events.add(e);
            records.add(producer.record(Topics.ACTIVITIES, r.key(), e));
        }
        producer.sendAtomically(records);
        return events;
    }

    /** Publishes one retraction, or not (throws); returns the event as published. */
    public CloudEvent<ActivityRetracted> publishRetraction(String eventId, ActivityRetracted r) throws TransactionFailure {
        CloudEvent<ActivityRetracted> e = CloudEvent.of(eventId, producer.source(), EventTypes.ACTIVITY_RETRACTED, r.key(), r);
        producer.sendAtomically(List.of(producer.record(Topics.ACTIVITIES, r.key(), e)));
        return e;
    }
}
