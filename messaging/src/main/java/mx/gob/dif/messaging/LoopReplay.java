package mx.gob.dif.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link EventLoop}'s replay from the beginning of its topics (indicators-service's rebuild):
 * asked for from any thread, started and followed on the loop's own thread, which alone owns the
 * consumer. Progress is the events read so far against the end offsets when it started.
 */
final class LoopReplay {
    private static final Logger LOG = Logger.getLogger(LoopReplay.class);

    /** Runs the reset and forgets the stored offsets, in one transaction. */
    @FunctionalInterface
    interface Clearing {
        void clear(EventLoop.Reset reset) throws Exception;
    }

    private final AtomicReference<EventLoop.Reset> pending = new AtomicReference<>();
    private final AtomicReference<EventLoop.ReplayStatus> status = new AtomicReference<>(EventLoop.ReplayStatus.NONE);
    private Map<TopicPartition, Long> end;

    EventLoop.ReplayStatus request(EventLoop.Reset reset) {
        EventLoop.ReplayStatus s = new EventLoop.ReplayStatus("REQUESTED", 0, 0, OffsetDateTime.now().toString(), null);
        status.set(s);
        pending.set(reset);
        return s;
    }

    EventLoop.ReplayStatus status() {
        return status.get();
    }

    /** True while the loop replays (its batches are then marked {@code replaying}). */
    boolean running() {
        return end != null;
    }

    void startIfAsked(Consumer<String, String> consumer, String loop, Clearing clearing) throws Exception {
        EventLoop.Reset reset = pending.get();
        if (reset == null || consumer.assignment().isEmpty()) {
            return;
        }
        clearing.clear(reset);
        pending.set(null);
        consumer.seekToBeginning(consumer.assignment());
        end = consumer.endOffsets(consumer.assignment());
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        status.set(new EventLoop.ReplayStatus("RUNNING", 0, total, status.get().startedAt(), null));
        LOG.infof("%s: replay started, up to %d records", loop, total);
    }

    void progress(Consumer<String, String> consumer, int count, String loop) {
        if (end == null) {
            return;
        }
        EventLoop.ReplayStatus s = status.get();
        long done = s.events() + count;
        boolean caughtUp = end.entrySet().stream()
                .allMatch(e -> !consumer.assignment().contains(e.getKey()) || consumer.position(e.getKey()) >= e.getValue());
        if (caughtUp) {
            status.set(new EventLoop.ReplayStatus("COMPLETED", done, s.target(), s.startedAt(), OffsetDateTime.now().toString()));
            LOG.infof("%s: replay completed, %d events", loop, done);
            end = null;
        } else {
            status.set(new EventLoop.ReplayStatus("RUNNING", done, s.target(), s.startedAt(), null));
        }
    }
}
