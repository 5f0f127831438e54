package mx.gob.dif.cases.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.common.messaging.OutboxTable;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Publishes the case outbox in order with the platform's durable producer. */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private final AgroalDataSource ds;
    private final Producer<String, String> producer;

    public OutboxRelay(AgroalDataSource ds, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.ds = ds;
        this.producer = OutboxTable.durableProducer(bootstrap);
    }

    @Scheduled(every = "0.2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            OutboxTable.relayAll(ds, producer, 500);
        } catch (Exception e) {
            LOG.warnf("Case event relay will retry: %s", e.toString());
        }
    }

    void close(@Observes ShutdownEvent e) {
        producer.close();
    }
}
