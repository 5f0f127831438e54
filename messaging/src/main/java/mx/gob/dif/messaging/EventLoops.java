package mx.gob.dif.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts a service's {@link EventLoop}s, each on its own thread, and stops them at shutdown. A
 * service calls {@link #start} from a startup observer with its {@link EventLoop.Spec} and handler; an
 * application that keeps no data of the events (the console's live pages) calls {@link #startLive}.
 */
@ApplicationScoped
public class EventLoops {
    /** Resolved by the first stored loop only: an application with live loops alone has no database. */
    private final Instance<AgroalDataSource> ds;
    private volatile StoredOffsets offsets;
    private final DurableProducer producer;
    private final Config config;
    private final String bootstrap;
    private final int transactionTimeoutSeconds;
    /** The pause before a loop that stopped unexpectedly starts again with a new consumer. */
    private static final long RESTART_PAUSE_MS = 5_000;
    private final MeterRegistry metrics;
    private final List<EventLoop> loops = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public EventLoops(Instance<AgroalDataSource> ds, DurableProducer producer, Config config, MeterRegistry metrics,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                      @ConfigProperty(name = "dif.kafka.consumer-transaction-timeout", defaultValue = "120") int transactionTimeoutSeconds) {
        this.ds = ds;
        this.metrics = metrics;
        this.producer = producer;
        this.config = config;
        this.bootstrap = bootstrap;
        this.transactionTimeoutSeconds = transactionTimeoutSeconds;
    }

    public EventLoop start(EventLoop.Spec spec, BatchHandler handler) {
        return start(spec, handler, offsets());
    }

    /** The stored positions of every loop, in the application's database (looked up on first use). */
    private StoredOffsets offsets() {
        if (offsets == null) {
            offsets = new StoredOffsets(ds.get());
        }
        return offsets;
    }

    /**
     * A loop that passes events on and keeps nothing of them: a consumer group of its own per instance
     * ({@code name-<random>}), so every instance sees every event, starting at the latest offset, with its positions
     * in memory ({@link LatestPositions}). The handler runs as for any loop (a transaction with nothing enlisted,
     * retries, the dead-letter topic for a record that is not an event of this platform).
     */
    public EventLoop startLive(String name, List<String> topics, BatchHandler handler) {
        return start(new EventLoop.Spec(name, name + "-" + UUID.randomUUID(), topics, 500), handler, new LatestPositions());
    }

    private EventLoop start(EventLoop.Spec spec, BatchHandler handler, Positions positions) {
        Map<String, Object> props = consumerSettings(spec.name()); // the Kafka client's own property type
        props.put(ConsumerConfig.GROUP_ID_CONFIG, spec.group());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, spec.maxPollRecords());
        EventLoop loop = new EventLoop(spec, handler, () -> new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer()),
                positions, new DeadLetters(producer), transactionTimeoutSeconds, RESTART_PAUSE_MS);
        loops.add(loop);
        Tags tags = Tags.of("loop", spec.name(), "group", spec.group());
        Gauge.builder("dif.consumer.lag", loop, EventLoop::lag).tags(tags)
                .description("Records of the loop's topics not yet read (-1 while unknown)").register(metrics);
        FunctionCounter.builder("dif.consumer.applied", loop, EventLoop::applied).tags(tags)
                .description("Records the loop has committed").register(metrics);
        FunctionCounter.builder("dif.consumer.dead.lettered", loop, EventLoop::deadLettered).tags(tags)
                .description("Records the loop sent to dif.dead-letter").register(metrics);
        FunctionCounter.builder("dif.consumer.restarts", loop, EventLoop::restarts).tags(tags)
                .description("Times the loop started again with a new consumer").register(metrics);
        threads.add(Thread.ofPlatform().name(spec.name()).daemon().start(loop));
        return loop;
    }

    /**
     * A consumer in no group with the loops' settings (bootstrap, security, read_committed), for reading a
     * topic by {@code assign} and {@code seek} without moving any group's offsets (indicators-service's
     * dead-letter API). Not thread-safe; the caller closes it.
     */
    public Consumer<String, String> reader(String clientId) {
        return new KafkaConsumer<>(consumerSettings(clientId), new StringDeserializer(), new StringDeserializer());
    }

    /** Where the group resumes on each partition it stored (committed batches of every instance of the group). */
    public Map<TopicPartition, Long> storedOffsets(String group) throws SQLException {
        return offsets().read(group);
    }

    /**
     * Forgets where the group resumes, for every instance of it: call inside the transaction that clears what the
     * group built, then tell the loops ({@link EventLoop#reposition}); they start again from the beginning.
     */
    public void forgetOffsets(String group) throws SQLException {
        offsets().forget(group);
    }

    /**
     * The sum of every stored offset of every group: it moves with each batch any instance of any loop commits, so
     * whatever is computed from the database is valid only while it stays the same (or a rebuild lowered it).
     */
    public long committedPosition() throws SQLException {
        return offsets().sum();
    }

    public List<EventLoop> loops() {
        return List.copyOf(loops);
    }

    private Map<String, Object> consumerSettings(String clientId) {
        // Map<String, Object>: the Kafka client's own type for its properties
        Map<String, Object> props = KafkaSettings.from(KafkaSettings.CONSUMER, config.getPropertyNames(),
                name -> config.getValue(name, String.class));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /** Stops one loop and waits for its thread (a test's second instance of a loop; an instance scaled in). */
    public void stop(EventLoop loop) throws InterruptedException {
        int i = loops.indexOf(loop);
        loop.stop();
        if (i >= 0) {
            threads.get(i).join(10_000);
            threads.remove(i);
            loops.remove(i);
        }
    }

    void stop(@Observes ShutdownEvent e) throws InterruptedException {
        loops.forEach(EventLoop::stop);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
