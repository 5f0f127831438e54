package mx.gob.dif.indicators.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.service.Catalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two consumer loops on their own threads: the catalog (org units, targets) and the activity log.
 * Offsets are committed only after the database transaction commits; a crash in between replays
 * the batch, which the activity table makes harmless.
 */
@ApplicationScoped
public class Consumers {
    private static final Logger LOG = Logger.getLogger(Consumers.class);
    private final AgroalDataSource ds;
    private final Catalog catalog;
    private final IndicatorUpdates updates;
    private final String bootstrap;
    private final String activityGroup;
    private final String catalogGroup;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> rebuild = new AtomicReference<>(new RebuildStatus("NONE", 0, 0, null, null));
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean activityLoopAlive;
    private volatile boolean catalogLoopAlive;
    private KafkaConsumer<String, String> activityConsumer;
    private KafkaConsumer<String, String> catalogConsumer;

    public record RebuildStatus(String state, long events, long target, String startedAt, String finishedAt) {
    }

    public Consumers(AgroalDataSource ds, Catalog catalog, IndicatorUpdates updates,
                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                     @ConfigProperty(name = "indicators.group.activities") String activityGroup,
                     @ConfigProperty(name = "indicators.group.catalog") String catalogGroup) {
        this.ds = ds;
        this.catalog = catalog;
        this.updates = updates;
        this.bootstrap = bootstrap;
        this.activityGroup = activityGroup;
        this.catalogGroup = catalogGroup;
    }

    void start(@Observes StartupEvent e) {
        catalog.load();
        catalogConsumer = consumer(catalogGroup, 2000);
        activityConsumer = consumer(activityGroup, 5000);
        Thread.ofPlatform().name("catalog-consumer").daemon().start(this::catalogLoop);
        Thread.ofPlatform().name("activity-consumer").daemon().start(this::activityLoop);
    }

    void stop(@Observes ShutdownEvent e) {
        running.set(false);
        if (activityConsumer != null) {
            activityConsumer.wakeup();
        }
        if (catalogConsumer != null) {
            catalogConsumer.wakeup();
        }
    }

    public boolean healthy() {
        return activityLoopAlive && catalogLoopAlive;
    }

    public long applied() {
        return applied.get();
    }

    public RebuildStatus requestRebuild() {
        rebuild.set(new RebuildStatus("REQUESTED", 0, 0, java.time.OffsetDateTime.now().toString(), null));
        rebuildRequested.set(true);
        activityConsumer.wakeup();
        return rebuild.get();
    }

    public RebuildStatus rebuildStatus() {
        return rebuild.get();
    }

    private KafkaConsumer<String, String> consumer(String group, int maxPoll) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
    }

    private void catalogLoop() {
        catalogLoopAlive = true;
        try (KafkaConsumer<String, String> c = catalogConsumer) {
            c.subscribe(List.of(Topics.ORG_UNITS, Topics.CATALOG_TARGETS));
            while (running.get()) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                try (Connection conn = ds.getConnection()) {
                    conn.setAutoCommit(false);
                    for (ConsumerRecord<String, String> r : records) {
                        applyCatalog(conn, EventJson.MAPPER.readTree(r.value()));
                    }
                    conn.commit();
                }
                c.commitSync();
            }
        } catch (WakeupException ignored) {
            // shutting down
        } catch (Exception e) {
            LOG.error("Catalog consumer stopped", e);
        } finally {
            catalogLoopAlive = false;
        }
    }

    private void applyCatalog(Connection conn, JsonNode event) throws Exception {
        JsonNode d = event.path("data");
        switch (event.path("type").asText()) {
            case EventTypes.ORG_UNIT_CHANGED -> catalog.putUnit(conn, new Catalog.Unit(d.path("code").asText(),
                    d.path("name").asText(), d.path("level").asText(), d.hasNonNull("parent") ? d.get("parent").asText() : null));
            case EventTypes.TARGET_CHANGED -> {
                List<String> components = new ArrayList<>();
                d.path("components").forEach(x -> components.add(x.asText()));
                List<Integer> calendar = new ArrayList<>();
                d.path("calendarMonths").forEach(x -> calendar.add(x.asInt()));
                catalog.putTarget(conn, new Catalog.Target(d.path("planOrgUnit").asText(), d.path("fiscalYear").asInt(),
                        d.path("indicatorCode").asText(), d.path("programCode").asText(), d.path("programName").asText(null),
                        d.path("actionCode").asText(null), d.path("actionDescription").asText(null), d.path("unit").asText(),
                        new BigDecimal(d.path("annualTarget").asText()), d.path("method").asText("SUM"), components, calendar),
                        d.path("deleted").asBoolean(false));
            }
            default -> LOG.debugf("Ignoring catalog event type %s", event.path("type").asText());
        }
    }

    private void activityLoop() {
        activityLoopAlive = true;
        KafkaConsumer<String, String> c = activityConsumer;
        try {
            c.subscribe(List.of(Topics.ACTIVITIES));
            Map<TopicPartition, Long> rebuildEnd = null;
            while (running.get()) {
                ConsumerRecords<String, String> records;
                try {
                    records = c.poll(Duration.ofMillis(100));
                } catch (WakeupException w) {
                    if (!running.get()) {
                        break;
                    }
                    if (rebuildRequested.getAndSet(false)) {
                        rebuildEnd = startRebuild(c);
                    }
                    continue;
                }
                if (!records.isEmpty()) {
                    List<JsonNode> events = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, String> r : records) {
                        events.add(EventJson.MAPPER.readTree(r.value()));
                    }
                    List<ActivityApplier.Key> changed;
                    try (Connection conn = ds.getConnection()) {
                        conn.setAutoCommit(false);
                        changed = ActivityApplier.apply(conn, events);
                        conn.commit();
                    }
                    c.commitSync();
                    applied.addAndGet(events.size());
                    if (rebuildEnd == null) {
                        updates.publish(changed);
                    }
                }
                if (rebuildEnd != null) {
                    RebuildStatus s = rebuild.get();
                    long done = s.events() + records.count();
                    if (caughtUp(c, rebuildEnd)) {
                        rebuild.set(new RebuildStatus("COMPLETED", done, s.target(), s.startedAt(), java.time.OffsetDateTime.now().toString()));
                        LOG.infof("Rebuild completed: %d events replayed", done);
                        rebuildEnd = null;
                    } else {
                        rebuild.set(new RebuildStatus("RUNNING", done, s.target(), s.startedAt(), null));
                    }
                }
            }
        } catch (WakeupException ignored) {
            // shutting down
        } catch (Exception e) {
            LOG.error("Activity consumer stopped", e);
        } finally {
            activityLoopAlive = false;
            c.close();
        }
    }

    /** Drops the derived tables and rewinds to the start of the log (the log is kept forever). */
    private Map<TopicPartition, Long> startRebuild(KafkaConsumer<String, String> c) throws Exception {
        try (Connection conn = ds.getConnection()) {
            conn.setAutoCommit(false);
            conn.createStatement().execute("truncate activity, month_value");
            conn.commit();
        }
        Set<TopicPartition> assigned = c.assignment();
        c.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = c.endOffsets(assigned);
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        RebuildStatus s = rebuild.get();
        rebuild.set(new RebuildStatus("RUNNING", 0, total, s.startedAt(), null));
        LOG.infof("Rebuild started: replaying up to %d records from the activity log", total);
        return end;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> !c.assignment().contains(e.getKey()) || c.position(e.getKey()) >= e.getValue());
    }
}
