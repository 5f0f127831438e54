package mx.gob.dif.programs.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.common.messaging.OutboxTable;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One durable producer for the service (acks=all, idempotent, lz4). */
@ApplicationScoped
public class KafkaProducers {
    private final Producer<String, String> producer;

    public KafkaProducers(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.producer = OutboxTable.durableProducer(bootstrap);
    }

    public Producer<String, String> producer() {
        return producer;
    }

    void close(@Observes ShutdownEvent e) {
        producer.close();
    }
}
