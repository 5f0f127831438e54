package mx.gob.dif.programs.activity;

import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The activity topic of the real broker, read by offsets: what a request appended is exactly what
 * lies between the end offsets before and after it, so "nothing published" (end offsets unchanged:
 * not even an aborted transaction) is a real assertion.
 */
final class ActivityTopic {
    private ActivityTopic() {
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
    }

    static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(Topics.ACTIVITIES).stream()
                    .map((PartitionInfo p) -> new TopicPartition(p.topic(), p.partition())).toList();
            return new HashMap<>(c.endOffsets(parts));
        }
    }

    /**
     * Every event appended to the activity topic after {@code before} was taken, as the platform's
     * consumers see it (read_committed: records of aborted transactions and the transactions'
     * commit markers take offsets but are not events). Reads up to the end offsets taken now.
     */
    static List<ConsumerRecord<String, String>> appendedSince(Map<TopicPartition, Long> before) {
        Map<TopicPartition, Long> end = endOffsets();
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            c.assign(end.keySet());
            end.keySet().forEach(tp -> c.seek(tp, before.getOrDefault(tp, 0L)));
            long deadline = System.currentTimeMillis() + 60_000;
            while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the activity topic was not read up to " + end + " within 60 s");
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}
