package mx.gob.dif.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import mx.gob.dif.events.EventReader;
import mx.gob.dif.events.MalformedEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The platform's one consumer pattern, exactly once in effect: each poll is one database transaction
 * holding what the {@link BatchHandler} wrote and the group's next offsets ({@link Positions}, in the database:
 * {@link StoredOffsets});
 * on (re)assignment the loop resumes where the database says. A failing batch is rolled back and
 * retried from its first offset after a growing pause; the loop itself never stops on an error
 * ({@link #alive()}, {@link #lastError()} feed the readiness check). Records that are not events
 * of this platform go to the dead-letter topic with the reason. Started by {@link EventLoops}.
 */
public final class EventLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(EventLoop.class);
    private static final long MAX_BACKOFF_MS = 30_000;
    /** Failures of a whole batch before its events are tried one by one to find the one that cannot be applied. */
    static final int BATCH_ATTEMPTS = 3;
    /** Failures of one event, with the database answering, before it goes to the dead-letter topic. */
    static final int EVENT_ATTEMPTS = 3;

    /** What one loop reads: its name (thread, logs, health), its consumer group, its topics. */
    public record Spec(String name, String group, List<String> topics, int maxPollRecords) {
    }

    private final Spec spec;
    private final BatchHandler handler;
    private final Supplier<Consumer<String, String>> consumers;
    private final long restartPauseMs;
    private final AtomicLong restarts = new AtomicLong();
    private volatile Consumer<String, String> consumer;
    private final Positions offsets;
    private final DeadLetters deadLetters;
    private final int transactionTimeoutSeconds;
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    /** Set from any thread by {@link #reposition}; the loop's thread acts on it. */
    private volatile boolean repositionAsked;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    /** Records already on the dead-letter topic while their batch is retried: sent once, counted once. */
    private final Set<String> sentToDeadLetter = new HashSet<>();
    private final AtomicLong lag = new AtomicLong(-1);
    private volatile int assigned;
    private volatile boolean running = true;
    private int failedBatches;
    private volatile boolean alive;
    private volatile String lastError;

    EventLoop(Spec spec, BatchHandler handler, Supplier<Consumer<String, String>> consumers, Positions offsets,
              DeadLetters deadLetters, int transactionTimeoutSeconds, long restartPauseMs) {
        this.spec = spec;
        this.handler = handler;
        this.consumers = consumers;
        this.restartPauseMs = restartPauseMs;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.transactionTimeoutSeconds = transactionTimeoutSeconds;
    }

    public Spec spec() {
        return spec;
    }

    /** How often the loop was started again with a new consumer after something escaped it. */
    public long restarts() {
        return restarts.get();
    }

    /** False once the loop's thread has ended (only at shutdown). */
    public boolean alive() {
        return alive;
    }

    /** The last failure, until a batch succeeds again. */
    public String lastError() {
        return lastError;
    }

    /** Records not yet read (-1 while unknown). */
    public long lag() {
        return lag.get();
    }

    public long applied() {
        return applied.get();
    }

    /** Partitions the group gave this loop (each instance of a group holds its share). */
    public int assignedPartitions() {
        return assigned;
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /**
     * Asks the loop to seek every partition it holds to the stored offsets again, because someone else
     * changed them (indicators-service's rebuild, asked on any instance, forgets them for the whole
     * group). Runs on the loop's thread before its next poll.
     */
    public void reposition() {
        repositionAsked = true;
    }

    void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /**
     * Supervised: whatever escapes a session (an Error, a failure outside the batch handling) ends
     * that consumer, and after a pause the loop starts again with a new one, resuming from the stored
     * offsets. Only shutdown ends the thread.
     */
    @Override
    public void run() {
        alive = true;
        try {
            while (running) {
                consumer = consumers.get();
                try {
                    session();
                } catch (WakeupException e) {
                    // woken for shutdown: the while condition ends the loop
                } catch (Throwable t) {
                    if (!running) {
                        break;
                    }
                    restarts.incrementAndGet();
                    lastError = t.toString();
                    LOG.errorf(t, "%s: the consumer loop stopped unexpectedly; starting it again in %d ms", spec.name(), restartPauseMs);
                } finally {
                    unpositioned.clear();
                    failedBatches = 0;
                    assigned = 0;
                    consumer.close();
                }
                if (running && !pause(restartPauseMs)) {
                    break;
                }
            }
        } finally {
            alive = false;
        }
    }

    private void session() {
        long backoff = 0;
        long lastLag = 0;
        consumer.subscribe(spec.topics(), new Positioning());
        while (running) {
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            try {
                if (repositionAsked) {
                    repositionAsked = false;
                    unpositionAll();
                }
                positionAssigned();
                records = consumer.poll(Duration.ofMillis(100));
                if (System.currentTimeMillis() - lastLag > 1000) {
                    lag.set(currentLag());
                    lastLag = System.currentTimeMillis();
                }
                if (!records.isEmpty()) {
                    if (failedBatches >= BATCH_ATTEMPTS) {
                        isolate(records);
                    } else {
                        process(list(records));
                    }
                }
                lastError = null;
                backoff = 0;
                failedBatches = 0;
            } catch (WakeupException e) {
                break;
            } catch (OffsetsMoved e) {
                LOG.infof("%s: the stored offsets moved (%s); repositioning every assigned partition", spec.name(), e.getMessage());
                unpositionAll();
            } catch (Exception e) {
                failedBatches++;
                backoff = backoff == 0 ? 1000 : Math.min(MAX_BACKOFF_MS, backoff * 2);
                lastError = e.toString();
                LOG.warnf("%s: a batch of %d events failed, retrying in %d ms: %s", spec.name(), records.count(), backoff, e.toString());
                rewind(records);
                if (!pause(backoff)) {
                    break;
                }
            }
        }
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        return all;
    }

    /**
     * A batch that keeps failing is applied one event at a time, each in its own transaction. An event
     * that still fails while the database answers is the poison: after {@link #EVENT_ATTEMPTS} it goes
     * to the dead-letter topic with the reason and the partition moves on. With the database down
     * every event fails the probe, so nothing is dead-lettered for an outage: the loop just waits.
     */
    private void isolate(ConsumerRecords<String, String> records) throws Exception {
        LOG.infof("%s: applying a failing batch of %d events one by one", spec.name(), records.count());
        List<ConsumerRecord<String, String>> all = list(records);
        for (int i = 0; i < all.size(); i++) {
            ConsumerRecord<String, String> r = all.get(i);
            try {
                applyAlone(r);
            } catch (Exception e) {
                rewind(all.subList(i, all.size()));
                throw e;
            }
        }
    }

    private void applyAlone(ConsumerRecord<String, String> r) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                process(List.of(r));
                return;
            } catch (OffsetsMoved e) {
                throw e; // not this event's failure: the loop repositions
            } catch (Exception e) {
                offsets.read(spec.group()); // the probe: throws while the database is unreachable
                if (attempt >= EVENT_ATTEMPTS) {
                    deadLetter(r.topic(), r.partition(), r.offset(), r.key(), r.value(), "could not be applied: " + summary(e));
                    QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).call(() -> {
                        offsets.store(spec.group(), Map.of(new TopicPartition(r.topic(), r.partition()), r.offset() + 1));
                        return null;
                    });
                    sentToDeadLetter.clear();
                    return;
                }
            }
        }
    }

    /** The failure's innermost cause, short: dead-letter headers and logs, never a record's body. */
    private static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private void process(List<ConsumerRecord<String, String>> records) throws Exception {
        List<Received> events = new ArrayList<>(records.size());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            next.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
            try {
                events.add(new Received(r.topic(), r.partition(), r.offset(), r.key(), EventReader.read(r.value()), r.value()));
            } catch (MalformedEvent e) {
                deadLetter(r.topic(), r.partition(), r.offset(), r.key(), r.value(), e.getMessage());
            }
        }
        LoopBatch batch = new LoopBatch(List.copyOf(events));
        QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).call(() -> {
            handler.apply(batch);
            offsets.store(spec.group(), next);
            return null;
        });
        applied.addAndGet(records.size());
        sentToDeadLetter.clear();
        try {
            handler.afterCommit(batch);
        } catch (RuntimeException e) {
            // the batch is committed: applying it again would be wrong; what afterCommit does is best effort
            LOG.warnf("%s: after-commit work failed, the batch stays applied: %s", spec.name(), e.toString());
        }
        commitToKafka(next);
    }

    private void deadLetter(String topic, int partition, long offset, String key, String value, String reason) throws Exception {
        if (!sentToDeadLetter.add(topic + "-" + partition + "@" + offset)) {
            return;
        }
        try {
            deadLetters.send(spec.group(), topic, partition, offset, key, value, reason);
        } catch (Exception e) {
            sentToDeadLetter.remove(topic + "-" + partition + "@" + offset);
            throw e;
        }
        deadLettered.incrementAndGet();
    }

    private final class LoopBatch implements BatchHandler.Batch {
        private final List<Received> events;

        LoopBatch(List<Received> events) {
            this.events = events;
        }

        @Override
        public List<Received> events() {
            return events;
        }

        @Override
        public void deadLetter(Received e, String reason) throws Exception {
            // as it was on the topic; written back from the typed event only when the wire form is not known
            EventLoop.this.deadLetter(e.topic(), e.partition(), e.offset(), e.key(),
                    e.value() != null ? e.value() : mx.gob.dif.events.EventWriter.write(e.event()), reason);
        }
    }

    // ------------------------------------------------------------------ positions

    /** Seeks newly assigned partitions to the stored positions; paused until that worked (the database may be down). */
    private final class Positioning implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            unpositioned.removeAll(partitions);
            assigned = Math.max(0, consumer.assignment().size() - partitions.size());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(partitions);
            unpositioned.addAll(partitions);
            assigned = consumer.assignment().size();
        }
    }

    /** Every assigned partition paused until {@link #positionAssigned} seeks it to its stored offset. */
    private void unpositionAll() {
        Set<TopicPartition> held = consumer.assignment();
        consumer.pause(held);
        unpositioned.addAll(held);
    }

    private void positionAssigned() throws Exception {
        if (unpositioned.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = offsets.read(spec.group());
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition tp : unpositioned) {
            Long at = stored.get(tp);
            if (at == null) {
                fresh.add(tp);
            } else {
                consumer.seek(tp, at);
            }
        }
        if (!fresh.isEmpty()) {
            offsets.startFresh(consumer, fresh);
        }
        consumer.resume(unpositioned);
        unpositioned.clear();
    }

    private void rewind(ConsumerRecords<String, String> records) {
        rewind(list(records));
    }

    /** Back to the first of these records on each partition, so the next poll reads them again. */
    private void rewind(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach((tp, offset) -> {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    private void commitToKafka(Map<TopicPartition, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
        try {
            consumer.commitSync(commit);
        } catch (WakeupException e) {
            throw e;
        } catch (Exception e) {
            // the database holds the offsets that matter; Kafka's copy only feeds lag monitoring
            LOG.debugf("%s: Kafka offset commit failed: %s", spec.name(), e.getMessage());
        }
    }

    private long currentLag() {
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong l = consumer.currentLag(tp);
            if (l.isEmpty()) {
                return -1;
            }
            total += l.getAsLong();
        }
        return total;
    }

    private boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
