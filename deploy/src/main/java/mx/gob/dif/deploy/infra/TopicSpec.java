package mx.gob.dif.deploy.infra;

import mx.gob.dif.events.Topics;

import java.util.List;
import java.util.Map;

/** A topic the platform needs, with its partition count and retention. */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000");
    /** The activity log is the system of record for indicators: kept forever so aggregates can be rebuilt. */
    private static final Map<String, String> FOREVER = Map.of("retention.ms", "-1", "retention.bytes", "-1",
            "compression.type", "lz4");
    /** Long enough for an operator to look at what was refused and why. */
    private static final Map<String, String> MONTH = Map.of("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
    private static final Map<String, String> WEEK = Map.of("retention.ms", Long.toString(7L * 24 * 3600 * 1000));

    /** Partition counts can be raised by DIF_KAFKA_PARTITIONS (activity topic) for more consumers. */
    public static List<TopicSpec> platformTopics() {
        int activityPartitions = Integer.parseInt(System.getenv().getOrDefault("DIF_KAFKA_PARTITIONS", "6"));
        return List.of(
                new TopicSpec(Topics.ORG_UNITS, 1, COMPACTED),
                new TopicSpec(Topics.CATALOG_PROGRAMS, 3, COMPACTED),
                new TopicSpec(Topics.CATALOG_TARGETS, 3, COMPACTED),
                new TopicSpec(Topics.CATALOG_OUTCOME_GOALS, 3, COMPACTED),
                new TopicSpec(Topics.ACTIVITIES, activityPartitions, FOREVER),
                new TopicSpec(Topics.CASE_EVENTS, 3, FOREVER),
                new TopicSpec(Topics.INDICATOR_UPDATES, 3, WEEK),
                new TopicSpec(Topics.DEAD_LETTER, 1, MONTH));
    }
}
