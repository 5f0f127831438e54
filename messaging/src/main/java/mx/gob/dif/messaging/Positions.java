package mx.gob.dif.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;

/**
 * Where an {@link EventLoop}'s group resumes on each partition. A service's loops keep them in its database
 * with the data ({@link StoredOffsets}); a loop that only passes events on, keeping nothing, holds them in memory
 * and starts at the latest offset ({@link LatestPositions}).
 */
interface Positions {
    /** The next offset of each partition the group has read; a partition not in the map is fresh. */
    Map<TopicPartition, Long> read(String group) throws Exception;

    /** Called inside the batch's transaction. */
    void store(String group, Map<TopicPartition, Long> next) throws Exception;

    /** Called inside the transaction that clears what the group built (a replay from the beginning). */
    void forget(String group) throws Exception;

    /** Positions fresh partitions: from the beginning, so every event is applied once. */
    default void startFresh(Consumer<String, String> consumer, Collection<TopicPartition> fresh) {
        consumer.seekToBeginning(fresh);
    }
}
