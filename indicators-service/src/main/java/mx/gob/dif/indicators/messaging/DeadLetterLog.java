package mx.gob.dif.indicators.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.DurableProducer;
import mx.gob.dif.messaging.EventLoops;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link Topics#DEAD_LETTER} for the administrators' API with a consumer of no group ({@code assign} +
 * seek): reading moves nobody's offsets. Each call opens its own consumer (the API is rare; a consumer is
 * not thread-safe) and stops at the end offsets it saw when it started, so a call is bounded even while
 * records keep arriving. Replays go through the platform's {@link DurableProducer}. Every failure to reach the
 * broker in time is a {@link KafkaException}.
 */
@ApplicationScoped
public class DeadLetterLog {
    /** How long one call may wait for the broker; then it fails with Kafka's {@link TimeoutException}. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final EventLoops loops;
    private final DurableProducer producer;

    public DeadLetterLog(EventLoops loops, DurableProducer producer) {
        this.loops = loops;
        this.producer = producer;
    }

    /** What a scan read: the records, and whether older ones were left out because of the limit. */
    public record Scan(List<ConsumerRecord<String, String>> records, boolean truncated) {
    }

    /** Every record of the topic up to its current end, but at most {@code limit} (the newest ones) in all. */
    public Scan scan(int limit) {
        try (Consumer<String, String> c = loops.reader("dead-letter-api")) {
            List<TopicPartition> parts = partitions(c);
            if (parts.isEmpty()) {
                return new Scan(List.of(), false);
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts, TIMEOUT);
            Map<TopicPartition, Long> end = c.endOffsets(parts, TIMEOUT);
            long perPartition = Math.max(1, limit / parts.size());
            boolean truncated = false;
            for (TopicPartition tp : parts) {
                if (end.get(tp) - begin.get(tp) > perPartition) {
                    // the list is newest first: when the log is longer than the limit, its oldest records are left out
                    c.seek(tp, end.get(tp) - perPartition);
                    truncated = true;
                }
            }
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            readUntilEnd(c, end, out::add);
            return new Scan(out, truncated);
        }
    }

    /** The record at {@code partition}/{@code offset}, or empty when the topic has no such record (any more). */
    public Optional<ConsumerRecord<String, String>> one(int partition, long offset) {
        try (Consumer<String, String> c = loops.reader("dead-letter-api")) {
            TopicPartition tp = new TopicPartition(Topics.DEAD_LETTER, partition);
            if (!partitions(c).contains(tp)) {
                return Optional.empty();
            }
            c.assign(List.of(tp));
            long begin = c.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
            long end = c.endOffsets(List.of(tp), TIMEOUT).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            c.seek(tp, offset);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            // the record itself ends the read; the end offset bounds it when the offset holds no record
            readUntilEnd(c, Map.of(tp, offset + 1), r -> {
                if (r.offset() == offset) {
                    found.add(r);
                }
            });
            return found.stream().findFirst();
        }
    }

    /** Writes a dead letter's value with its key to {@code topic} again and waits for the broker's acknowledgement. */
    public RecordMetadata republish(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("no acknowledgement within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(e);
        }
    }

    private static List<TopicPartition> partitions(Consumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(Topics.DEAD_LETTER, TIMEOUT);
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** Polls until every assigned partition's position reached its end offset; only records before it are handed on. */
    private static void readUntilEnd(Consumer<String, String> c, Map<TopicPartition, Long> end,
                                     java.util.function.Consumer<ConsumerRecord<String, String>> sink) {
        Set<TopicPartition> open = new HashSet<>(end.keySet());
        open.removeIf(tp -> c.position(tp, TIMEOUT) >= end.get(tp));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("reading " + Topics.DEAD_LETTER + " took longer than " + TIMEOUT);
            }
            for (ConsumerRecord<String, String> r : c.poll(POLL)) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    sink.accept(r);
                }
            }
            open.removeIf(tp -> c.position(tp, TIMEOUT) >= end.get(tp));
        }
    }
}
