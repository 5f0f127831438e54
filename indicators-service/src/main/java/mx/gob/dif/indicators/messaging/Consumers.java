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
import mx.gob.dif.indicators.service.DataVersion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two consumer loops on their own threads: the catalog (org units, programs, targets) and the
 * activity log together with the case log (dif.cases: both topics in one subscription, so one batch
 * may hold events of both, applied in the same transaction with the same stored offsets). One polled
 * batch is one database transaction. For the activity and case logs the next offsets are stored in
 * that same transaction (table consumer_offset) and the loop resumes from them, so a crash between
 * the database commit and the Kafka commit replays nothing twice; the Kafka commit still follows the
 * database commit, for lag monitoring. A batch that fails (database down) is retried from its first
 * offset after a pause; a malformed event is logged and skipped.
 */
@ApplicationScoped
public class Consumers {
    private static final Logger LOG = Logger.getLogger(Consumers.class);
    private final AgroalDataSource ds;
    private final Catalog catalog;
    private final IndicatorUpdates updates;
    private final DataVersion dataVersion;
    private final String bootstrap;
    private final String activityGroup;
    private final String catalogGroup;
    private final int maxPollRecords;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> rebuild = new AtomicReference<>(new RebuildStatus("NONE", 0, 0, null, null));
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong activityLag = new AtomicLong(-1);
    private final AtomicLong catalogLag = new AtomicLong(-1);
    private volatile boolean activityLoopAlive;
    private volatile boolean catalogLoopAlive;
    private volatile String lastError;
    private KafkaConsumer<String, String> activityConsumer;
    private KafkaConsumer<String, String> catalogConsumer;

    /** state: NONE, REQUESTED, RUNNING, COMPLETED; events replayed so far of target (end offsets when it started). */
    public record RebuildStatus(String state, long events, long target, String startedAt, String finishedAt) {
    }

    public Consumers(AgroalDataSource ds, Catalog catalog, IndicatorUpdates updates, DataVersion dataVersion,
                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                     @ConfigProperty(name = "indicators.group.activities") String activityGroup,
                     @ConfigProperty(name = "indicators.group.catalog") String catalogGroup,
                     @ConfigProperty(name = "indicators.activities.max-poll-records", defaultValue = "5000") int maxPollRecords) {
        this.ds = ds;
        this.catalog = catalog;
        this.updates = updates;
        this.dataVersion = dataVersion;
        this.bootstrap = bootstrap;
        this.activityGroup = activityGroup;
        this.catalogGroup = catalogGroup;
        this.maxPollRecords = maxPollRecords;
    }

    void start(@Observes StartupEvent e) {
        catalog.load();
        catalogConsumer = consumer(catalogGroup, 2000);
        activityConsumer = consumer(activityGroup, maxPollRecords);
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

    public long skipped() {
        return skipped.get();
    }

    /** Records not yet read by the activity loop (-1 while unknown). */
    public long activityLag() {
        return activityLag.get();
    }

    public long catalogLag() {
        return catalogLag.get();
    }

    public String lastError() {
        return lastError;
    }

    public RebuildStatus requestRebuild() {
        RebuildStatus s = new RebuildStatus("REQUESTED", 0, 0, OffsetDateTime.now().toString(), null);
        rebuild.set(s);
        rebuildRequested.set(true);
        return s;
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

    // ------------------------------------------------------------------ catalog

    private void catalogLoop() {
        catalogLoopAlive = true;
        KafkaConsumer<String, String> c = catalogConsumer;
        try {
            c.subscribe(List.of(Topics.ORG_UNITS, Topics.CATALOG_PROGRAMS, Topics.CATALOG_TARGETS, Topics.CATALOG_OUTCOME_GOALS));
            while (running.get()) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(200));
                catalogLag.set(lag(c));
                if (records.isEmpty()) {
                    continue;
                }
                List<Runnable> afterCommit = new ArrayList<>();
                try (Connection conn = ds.getConnection()) {
                    conn.setAutoCommit(false);
                    try {
                        for (ConsumerRecord<String, String> r : records) {
                            applyCatalog(conn, r, afterCommit);
                        }
                        conn.commit();
                    } catch (SQLException ex) {
                        conn.rollback();
                        throw ex;
                    }
                    afterCommit.forEach(Runnable::run);
                    dataVersion.changed();
                    c.commitSync();
                } catch (SQLException ex) {
                    retryLater(c, records, "catalog", ex);
                }
            }
        } catch (WakeupException ignored) {
            // shutting down
        } catch (Exception e) {
            lastError = "catalog: " + e;
            LOG.error("Catalog consumer stopped", e);
        } finally {
            catalogLoopAlive = false;
            c.close();
        }
    }

    private void applyCatalog(Connection conn, ConsumerRecord<String, String> r, List<Runnable> afterCommit) throws SQLException {
        JsonNode event;
        JsonNode d;
        String type;
        try {
            event = EventJson.MAPPER.readTree(r.value());
            d = event.path("data");
            type = event.path("type").asText();
        } catch (Exception ex) {
            skip(r, ex);
            return;
        }
        try {
            switch (type) {
                case EventTypes.ORG_UNIT_CHANGED -> {
                    Catalog.Unit u = new Catalog.Unit(required(d, "code"), d.path("name").asText(null), d.path("level").asText(null),
                            d.hasNonNull("parent") ? d.get("parent").asText() : null);
                    catalog.persistUnit(conn, u);
                    afterCommit.add(() -> catalog.cacheUnit(u));
                }
                case EventTypes.TARGET_CHANGED -> {
                    List<String> components = new ArrayList<>();
                    d.path("components").forEach(x -> components.add(x.asText()));
                    List<Integer> calendar = new ArrayList<>();
                    d.path("calendarMonths").forEach(x -> calendar.add(x.asInt()));
                    Catalog.Target t = new Catalog.Target(required(d, "planOrgUnit"), d.path("fiscalYear").asInt(),
                            required(d, "indicatorCode"), required(d, "programCode"), d.path("programName").asText(null),
                            d.path("actionCode").asText(null), d.path("actionDescription").asText(null), d.path("unit").asText(null),
                            new BigDecimal(d.path("annualTarget").asText()), d.path("method").asText("SUM"), components, calendar,
                            d.hasNonNull("caseMetric") ? d.get("caseMetric").asText() : null);
                    mx.gob.dif.indicators.domain.MeasurementMethod.of(t.method()); // unknown method → skipped, not stored
                    mx.gob.dif.indicators.domain.CaseMetric.ofTarget(t.caseMetric()); // unknown case metric → skipped too
                    boolean deleted = d.path("deleted").asBoolean(false);
                    catalog.persistTarget(conn, t, deleted);
                    afterCommit.add(() -> catalog.cacheTarget(t, deleted));
                }
                case EventTypes.PROGRAM_CHANGED -> {
                    List<String> months = new ArrayList<>();
                    d.path("calendarMonths").forEach(x -> months.add(x.asText()));
                    List<String> indicators = new ArrayList<>();
                    d.path("indicatorCodes").forEach(x -> indicators.add(x.asText()));
                    Catalog.Program p = new Catalog.Program(required(d, "planOrgUnit"), d.path("fiscalYear").asInt(),
                            required(d, "programCode"), d.path("programName").asText(null), months, indicators,
                            d.path("deleted").asBoolean(false));
                    catalog.persistProgram(conn, p);
                    afterCommit.add(() -> catalog.cacheProgram(p));
                }
                case EventTypes.OUTCOME_GOAL_CHANGED -> {
                    Catalog.Goal g = new Catalog.Goal(required(d, "planOrgUnit"), d.path("fiscalYear").asInt(), required(d, "goalCode"),
                            required(d, "programCode"), d.hasNonNull("component") ? d.get("component").asText() : null,
                            d.hasNonNull("goal") ? d.get("goal").asText() : null, goalSide(d.get("numerator")),
                            goalSide(d.get("denominator")), d.hasNonNull("targetPercent") ? new BigDecimal(d.get("targetPercent").asText()) : null);
                    boolean deleted = d.path("deleted").asBoolean(false);
                    catalog.persistGoal(conn, g, deleted);
                    afterCommit.add(() -> catalog.cacheGoal(g, deleted));
                }
                default -> LOG.debugf("Ignoring catalog event type %s", type);
            }
        } catch (IllegalArgumentException ex) {
            skip(r, ex);
        }
    }

    /** One side of an outcome goal's ratio; an unknown case metric → the event is skipped. */
    private static Catalog.Side goalSide(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        String indicator = n.hasNonNull("indicator") ? n.get("indicator").asText() : null;
        String metric = n.hasNonNull("caseMetric") ? n.get("caseMetric").asText() : null;
        if ((indicator == null) == (metric == null)) {
            throw new IllegalArgumentException("a ratio side needs exactly one of indicator and caseMetric");
        }
        mx.gob.dif.indicators.domain.CaseMetric.ofTarget(metric);
        return new Catalog.Side(indicator, metric);
    }

    private static String required(JsonNode d, String field) {
        JsonNode n = d.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return n.asText();
    }

    // ------------------------------------------------------------------ activities

    private void activityLoop() {
        activityLoopAlive = true;
        KafkaConsumer<String, String> c = activityConsumer;
        Map<TopicPartition, Long> rebuildEnd = null;
        try {
            // case events ride in the same loop: same batches, same transaction, same stored offsets, same rebuild
            c.subscribe(List.of(Topics.ACTIVITIES, Topics.CASE_EVENTS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    seekToStored(c, partitions);
                }
            });
            long lastLag = 0;
            while (running.get()) {
                if (rebuildRequested.get() && !c.assignment().isEmpty()) {
                    rebuildRequested.set(false);
                    rebuildEnd = startRebuild(c);
                }
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(100));
                if (System.currentTimeMillis() - lastLag > 1000) {
                    activityLag.set(lag(c));
                    lastLag = System.currentTimeMillis();
                }
                if (!records.isEmpty()) {
                    List<ActivityApplier.Activity> events = new ArrayList<>(records.count());
                    List<CaseApplier.CaseChange> cases = new ArrayList<>();
                    for (ConsumerRecord<String, String> r : records) {
                        try {
                            if (Topics.CASE_EVENTS.equals(r.topic())) {
                                CaseApplier.CaseChange cc = CaseApplier.parse(r.value());
                                if (cc != null) {
                                    cases.add(cc);
                                }
                                continue;
                            }
                            ActivityApplier.Activity a = ActivityApplier.parse(EventJson.MAPPER.readTree(r.value()));
                            if (a != null) {
                                events.add(a);
                            }
                        } catch (Exception ex) {
                            skip(r, ex);
                        }
                    }
                    List<ActivityApplier.Key> changed;
                    List<CaseApplier.Key> casesChanged;
                    try (Connection conn = ds.getConnection()) {
                        conn.setAutoCommit(false);
                        try {
                            changed = ActivityApplier.apply(conn, events);
                            casesChanged = CaseApplier.apply(conn, cases);
                            storeOffsets(conn, records);
                            conn.commit();
                        } catch (SQLException ex) {
                            conn.rollback();
                            throw ex;
                        }
                    } catch (SQLException ex) {
                        retryLater(c, records, "activity", ex);
                        continue;
                    }
                    dataVersion.changed();
                    commitKafka(c, records);
                    applied.addAndGet(records.count());
                    if (rebuildEnd == null) {
                        updates.publish(changed);
                        updates.publishCases(casesChanged);
                    }
                }
                if (rebuildEnd != null) {
                    RebuildStatus s = rebuild.get();
                    long done = s.events() + records.count();
                    if (caughtUp(c, rebuildEnd)) {
                        rebuild.set(new RebuildStatus("COMPLETED", done, s.target(), s.startedAt(), OffsetDateTime.now().toString()));
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
            lastError = "activities: " + e;
            LOG.error("Activity consumer stopped", e);
        } finally {
            activityLoopAlive = false;
            c.close();
        }
    }

    private void storeOffsets(Connection conn, ConsumerRecords<String, String> records) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into consumer_offset(consumer_group, topic, partition_no, next_offset) values (?,?,?,?)
                on conflict (consumer_group, topic, partition_no) do update set next_offset = excluded.next_offset""")) {
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<String, String>> list = records.records(tp);
                ps.setString(1, activityGroup);
                ps.setString(2, tp.topic());
                ps.setInt(3, tp.partition());
                ps.setLong(4, list.get(list.size() - 1).offset() + 1);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Resume where the database says; a partition it has never seen starts at the beginning of the log. */
    private void seekToStored(KafkaConsumer<String, String> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection conn = ds.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "select topic, partition_no, next_offset from consumer_offset where consumer_group = ?")) {
            ps.setString(1, activityGroup);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read stored offsets", e);
        }
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp);
            if (next == null) {
                fresh.add(tp);
            } else {
                c.seek(tp, next);
            }
        }
        if (!fresh.isEmpty()) {
            c.seekToBeginning(fresh);
        }
    }

    private static void commitKafka(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, String>> list = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        try {
            c.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (Exception e) {
            // the database holds the offsets that matter; Kafka's copy only feeds lag monitoring
            LOG.debugf("Kafka offset commit failed: %s", e.getMessage());
        }
    }

    /**
     * Drops the derived tables and the stored offsets in one transaction and rewinds to the start of
     * the logs (the activity and case topics are kept forever). A crash in the middle resumes the replay.
     */
    private Map<TopicPartition, Long> startRebuild(KafkaConsumer<String, String> c) throws SQLException {
        try (Connection conn = ds.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("delete from consumer_offset where consumer_group = ?")) {
                ps.setString(1, activityGroup);
                ps.executeUpdate();
            }
            conn.createStatement().execute("truncate activity, month_value, case_event, case_count");
            conn.commit();
        }
        dataVersion.changed();
        c.seekToBeginning(c.assignment());
        Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        RebuildStatus s = rebuild.get();
        rebuild.set(new RebuildStatus("RUNNING", 0, total, s.startedAt(), null));
        LOG.infof("Rebuild started: replaying up to %d records from the activity and case logs", total);
        return end;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> !c.assignment().contains(e.getKey()) || c.position(e.getKey()) >= e.getValue());
    }

    // ------------------------------------------------------------------ shared

    private void retryLater(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records, String what, Exception ex) {
        lastError = what + ": " + ex.getMessage();
        LOG.warnf("Applying a %s batch of %d events failed, retrying in 1 s: %s", what, records.count(), ex.getMessage());
        for (TopicPartition tp : records.partitions()) {
            c.seek(tp, records.records(tp).get(0).offset());
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void skip(ConsumerRecord<String, String> r, Exception ex) {
        skipped.incrementAndGet();
        // offsets and the parser's message only: event bodies never go to the log
        LOG.warnf("Skipping malformed event at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), ex.getMessage());
    }

    private static long lag(KafkaConsumer<String, String> c) {
        long total = 0;
        for (TopicPartition tp : c.assignment()) {
            OptionalLong l = c.currentLag(tp);
            if (l.isEmpty()) {
                return -1;
            }
            total += l.getAsLong();
        }
        return total;
    }
}
