package mx.gob.dif.programs.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.messaging.OutboxTable;
import org.jboss.logging.Logger;

/** Publishes the outbox in order, deleting each batch only once the broker acknowledged it. */
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
            OutboxTable.relayAll(ds, kafka.producer(), 1000);
        } catch (Exception e) {
            LOG.warnf("Outbox relay will retry: %s", e.toString());
        }
    }
}
