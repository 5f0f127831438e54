package mx.gob.dif.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Positions of a live loop ({@link EventLoops#startLive}): it keeps no data, so it starts at the latest offset and
 * remembers its positions in memory only, to resume where it was when the loop restarts with a new consumer. What
 * happened before the instance started is read with the API, not replayed.
 */
final class LatestPositions implements Positions {
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    @Override
    public Map<TopicPartition, Long> read(String group) {
        return Map.copyOf(next);
    }

    @Override
    public void store(String group, Map<TopicPartition, Long> offsets) {
        next.putAll(offsets);
    }

    @Override
    public void forget(String group) {
        next.clear();
    }

    @Override
    public void startFresh(Consumer<String, String> consumer, Collection<TopicPartition> fresh) {
        consumer.seekToEnd(fresh);
    }
}
