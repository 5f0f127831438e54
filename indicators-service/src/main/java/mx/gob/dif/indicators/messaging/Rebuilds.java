package mx.gob.dif.indicators.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.IndicatorsRebuildRequested;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.api.RebuildStatus;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.persistence.RebuildTables;
import mx.gob.dif.messaging.DurableProducer;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The rebuild of the aggregates from the activity and case logs, one for every instance of the service. The
 * instance asked records where each partition of the logs ends, then in one transaction clears the derived tables,
 * forgets the activity group's stored offsets and moves the generation ({@link RebuildTables#begin}); every instance
 * learns it from {@link Topics#INDICATORS_REBUILDS} (or from the generation its next batch reads) and replays the
 * partitions it holds from the beginning. Done when every partition is applied up to where it ended; until then
 * reads answer 503 ({@code rest/RebuildInProgress}).
 */
@ApplicationScoped
public class Rebuilds {
    private static final Logger LOG = Logger.getLogger(Rebuilds.class);
    /** The logs a rebuild replays: the activity loop's topics. */
    static final List<String> LOGS = List.of(Topics.ACTIVITIES, Topics.CASE_EVENTS);
    private final AgroalDataSource ds;
    private final RebuildTables tables;
    private final EventLoops loops;
    private final DurableProducer producer;
    private final IndicatorsConfig config;
    /** The rebuild generation this instance's loops were last sent back for (-1: not read yet). */
    private volatile long seenGeneration = -1;

    public Rebuilds(AgroalDataSource ds, RebuildTables tables, EventLoops loops, DurableProducer producer, IndicatorsConfig config) {
        this.ds = ds;
        this.tables = tables;
        this.loops = loops;
        this.producer = producer;
        this.config = config;
    }

    public RebuildStatus request() throws Exception {
        Map<TopicPartition, Long> ends = ends();
        RebuildTables.State s = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = ds.getConnection()) {
                RebuildTables.State begun = tables.begin(c, ends);
                loops.forgetOffsets(config.group().activities());
                return begun;
            }
        });
        LOG.infof("Rebuild %d begun: %d partitions, up to %d records", s.generation(), ends.size(), total(ends));
        repositionActivityLoops();
        IndicatorsRebuildRequested payload = new IndicatorsRebuildRequested(s.generation());
        try {
            producer.send(Topics.INDICATORS_REBUILDS, IndicatorsRebuildRequested.KEY, CloudEvent.of(UUID.randomUUID().toString(),
                    producer.source(), EventTypes.INDICATORS_REBUILD_REQUESTED, IndicatorsRebuildRequested.KEY, payload))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the rebuild is committed: the other instances notice the generation by themselves (followGeneration)
            LOG.warnf("Rebuild %d: the notice to the other instances was not sent (%s); they notice it within seconds",
                    s.generation(), e.toString());
        }
        return new RebuildStatus("REQUESTED", 0, total(ends), s.startedAt().toString(), null);
    }

    /** The latest rebuild, marked completed by whichever instance first sees every partition applied up to its end. */
    public RebuildStatus status() throws SQLException {
        RebuildTables.State s = tables.read();
        if (RebuildTables.NONE.equals(s.state())) {
            return new RebuildStatus(s.state(), 0, 0, null, null);
        }
        Map<TopicPartition, Long> ends = tables.ends();
        Map<TopicPartition, Long> stored = loops.storedOffsets(config.group().activities());
        long done = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            done += Math.min(e.getValue(), stored.getOrDefault(e.getKey(), 0L));
        }
        if (s.running() && done == total(ends) && tables.complete(s.generation())) {
            LOG.infof("Rebuild %d completed: %d records", s.generation(), done);
            s = tables.read();
        }
        return new RebuildStatus(s.state(), done, total(ends), text(s.startedAt()), text(s.finishedAt()));
    }

    /** True while a rebuild has not replayed everything the logs held when it was asked for. */
    public boolean running() throws SQLException {
        return tables.read().running() && RebuildTables.RUNNING.equals(status().state());
    }

    /**
     * The slow path if a notice on {@link Topics#INDICATORS_REBUILDS} never arrives: a generation this instance has not
     * seen sends its activity loops back too (a loop with records to apply notices at its next batch anyway; this
     * covers partitions with nothing new).
     */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followGeneration() throws SQLException {
        long g = tables.read().generation();
        if (seenGeneration >= 0 && g != seenGeneration) {
            repositionActivityLoops();
        }
        seenGeneration = g;
    }

    /** Every activity loop of this instance goes back to the stored offsets (the beginning, after a rebuild). */
    void repositionActivityLoops() {
        loops.loops().stream().filter(l -> l.spec().group().equals(config.group().activities())).forEach(EventLoop::reposition);
    }

    /**
     * Where each partition of the logs ends: the offset after its last committed record (not the end offset, which
     * counts transaction markers that no consumer ever stores), 0 for a partition without any.
     */
    private Map<TopicPartition, Long> ends() {
        Map<TopicPartition, Long> out = new HashMap<>();
        try (Consumer<String, String> reader = loops.reader("indicators-rebuild")) {
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : LOGS) {
                for (PartitionInfo p : reader.partitionsFor(topic)) {
                    all.add(new TopicPartition(topic, p.partition()));
                }
            }
            Map<TopicPartition, Long> begin = reader.beginningOffsets(all);
            Map<TopicPartition, Long> end = reader.endOffsets(all);
            for (TopicPartition tp : all) {
                out.put(tp, afterLastRecord(reader, tp, begin.get(tp), end.get(tp)));
            }
        }
        return out;
    }

    /** Reads back from the end in growing windows until a committed record turns up. */
    private static long afterLastRecord(Consumer<String, String> reader, TopicPartition tp, long begin, long end) {
        reader.assign(List.of(tp));
        for (long window = 16; ; window *= 16) {
            long from = Math.max(begin, end - window);
            reader.seek(tp, from);
            long last = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reader.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                    last = Math.max(last, r.offset());
                }
            }
            if (last >= 0 || from == begin) {
                return last + 1;
            }
        }
    }

    private static long total(Map<TopicPartition, Long> ends) {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
