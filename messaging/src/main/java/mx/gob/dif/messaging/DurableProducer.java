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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The platform's only Kafka producer: acks=all and idempotence by configuration
 * ({@code dif.kafka.producer.*}), so an acknowledged record is on every in-sync replica and a
 * retry never writes it twice. One per service; thread-safe; created on first use.
 * {@link #sendAtomically} writes several records as one Kafka transaction (all visible or none),
 * with a pool of transactional producers ({@link TransactionalProducers}).
 */
@ApplicationScoped
public class DurableProducer {
    private final Producer<String, String> producer;
    private final TransactionalProducers transactions;
    private final String source;

    public DurableProducer(Config config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                           @ConfigProperty(name = "quarkus.application.name") String application,
                           @ConfigProperty(name = "dif.kafka.transactional-producers") int transactionalProducers) {
        this.source = "/" + application;
        // Map<String, Object>: the Kafka client's own type for its properties
        Map<String, Object> props = KafkaSettings.from(KafkaSettings.PRODUCER, config.getPropertyNames(),
                name -> config.getValue(name, String.class));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        // unique per instance (two instances sharing an id would fence each other), stable across its restarts
        String idPrefix = config.getOptionalValue("dif.kafka.transactional-id", String.class)
                .orElseGet(() -> application + "-" + host());
        this.transactions = new TransactionalProducers(id -> {
            Map<String, Object> tx = new HashMap<>(props);
            tx.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
            return new KafkaProducer<>(tx, new StringSerializer(), new StringSerializer());
        }, idPrefix, transactionalProducers, transactionWaitMs(props));
    }

    /**
     * How long a transaction may take from begin to commit: every send has failed or been acknowledged
     * after delivery.timeout.ms, and the commit then gets one more max.block.ms. Longer than the
     * delivery timeout on purpose: a failure reported earlier could still land later.
     */
    static long transactionWaitMs(Map<String, Object> props) {
        return Long.parseLong(props.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000").toString())
                + Long.parseLong(props.getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000").toString());
    }

    private static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
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

    /** The wire form of an event, for {@link #sendAtomically}. */
    public ProducerRecord<String, String> record(String topic, String key, CloudEvent<?> event) {
        return new ProducerRecord<>(topic, key, EventWriter.write(event));
    }

    /**
     * Sends the records as one Kafka transaction and returns once it is committed: then every record
     * is visible to the platform's consumers (read_committed). When this throws, none of them is, and
     * none ever will be, except after a commit the broker did not answer ({@link TransactionFailure#uncertain()}).
     * Blocks for at most delivery.timeout.ms + max.block.ms (plus the wait for a free pooled producer).
     */
    public void sendAtomically(List<ProducerRecord<String, String>> records) throws TransactionFailure {
        transactions.send(records);
    }

    void close(@Observes ShutdownEvent e) {
        transactions.close();
        producer.close();
    }
}
