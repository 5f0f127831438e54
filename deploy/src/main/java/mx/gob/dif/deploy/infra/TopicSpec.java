package mx.gob.dif.deploy.infra;

import mx.gob.dif.events.Topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A topic the platform needs, with its partition count, replication factor and configuration (retention, ...). */
public record TopicSpec(String name, int partitions, int replicationFactor, Map<String, String> config) {

    /** A topic kept on one broker only (tests, the benchmark's raw topic). */
    public TopicSpec(String name, int partitions, Map<String, String> config) {
        this(name, partitions, 1, config);
    }

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000");
    /** The activity log is the system of record for indicators: kept forever so aggregates can be rebuilt. */
    private static final Map<String, String> FOREVER = Map.of("retention.ms", "-1", "retention.bytes", "-1",
            "compression.type", "lz4");
    /** Long enough for an operator to look at what was refused and why. */
    private static final Map<String, String> MONTH = Map.of("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
    private static final Map<String, String> WEEK = Map.of("retention.ms", Long.toString(7L * 24 * 3600 * 1000));

    /** The platform's topics on one broker (the test broker); the launcher passes the configured {@link Replication}. */
    public static List<TopicSpec> platformTopics() {
        return platformTopics(Replication.SINGLE);
    }

    /**
     * Every topic the platform writes to: the brokers do not create topics on first use
     * ({@code auto.create.topics.enable=false}), so these are all there are. Partition counts can be
     * raised by DIF_KAFKA_PARTITIONS (activity topic) for more consumers.
     */
    public static List<TopicSpec> platformTopics(Replication replication) {
        int activityPartitions = Integer.parseInt(System.getenv().getOrDefault("DIF_KAFKA_PARTITIONS", "6"));
        return List.of(
                replicated(Topics.ORG_UNITS, 1, COMPACTED, replication),
                replicated(Topics.CATALOG_PROGRAMS, 3, COMPACTED, replication),
                replicated(Topics.CATALOG_TARGETS, 3, COMPACTED, replication),
                replicated(Topics.CATALOG_OUTCOME_GOALS, 3, COMPACTED, replication),
                replicated(Topics.ACTIVITIES, activityPartitions, FOREVER, replication),
                replicated(Topics.CASE_EVENTS, 3, FOREVER, replication),
                replicated(Topics.INDICATOR_UPDATES, 3, WEEK, replication),
                replicated(Topics.REPORTING_MONTHS, 3, COMPACTED, replication),
                replicated(Topics.REPORTING_OVERDUE, 3, MONTH, replication),
                replicated(Topics.INDICATORS_REBUILDS, 1, WEEK, replication),
                replicated(Topics.DEAD_LETTER, 1, MONTH, replication));
    }

    private static TopicSpec replicated(String name, int partitions, Map<String, String> config, Replication replication) {
        Map<String, String> all = new HashMap<>(config);
        all.putAll(replication.topicConfig());
        return new TopicSpec(name, partitions, replication.factor(), Map.copyOf(all));
    }
}
