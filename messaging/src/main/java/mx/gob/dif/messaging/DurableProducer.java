package mx.gob.dif.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventWriter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.Future;

/**
 * The platform's only Kafka producer: acks=all and idempotence by configuration
 * ({@code dif.kafka.producer.*}), so an acknowledged record is on every in-sync replica and a
 * retry never writes it twice. One per service; thread-safe; created on first use.
 */
@ApplicationScoped
public class DurableProducer {
    private final Producer<String, String> producer;
    private final String source;

    public DurableProducer(Config config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                           @ConfigProperty(name = "quarkus.application.name") String application) {
        this.source = "/" + application;
        // Map<String, Object>: the Kafka client's own type for its properties
        Map<String, Object> props = KafkaSettings.from(KafkaSettings.PRODUCER, config.getPropertyNames(),
                name -> config.getValue(name, String.class));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** The CloudEvents {@code source} of this service's events: {@code /<quarkus.application.name>}. */
    public String source() {
        return source;
    }

    /** Sends one event; the future completes when the broker acknowledged it. */
    public Future<RecordMetadata> send(String topic, String key, CloudEvent<?> event) {
        return producer.send(new ProducerRecord<>(topic, key, EventWriter.write(event)));
    }

    /** Sends a record already in its wire form (outbox rows, dead letters with their headers). */
    public Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        return producer.send(record);
    }

    void close(@Observes ShutdownEvent e) {
        producer.close();
    }
}
