package mx.gob.dif.messaging;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A live loop (the console's) keeps nothing of what happened before it started: a partition it is given starts at
 * the latest offset, not the beginning; positions it passed are remembered in memory so a restarted consumer
 * resumes there. No broker: a MockConsumer with 7 old records' worth of offsets.
 */
class LatestPositionsTest {
    private static final TopicPartition TP = new TopicPartition("dif.indicators.updated", 0);

    @Test
    void aFreshPartitionStartsAtTheLatestOffset() throws Exception {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        consumer.updateEndOffsets(Map.of(TP, 7L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP)));
        EventLoop loop = new EventLoop(new EventLoop.Spec("live-test", "live-test-1", List.of(TP.topic()), 10),
                batch -> fail("no batch: nothing after the latest offset"), () -> consumer, new LatestPositions(), null, 5, 20);
        Thread thread = Thread.ofPlatform().name("live-test").start(loop);
        try {
            await(() -> positionOf(consumer) == 7L, "the partition positioned at its end offset 7");
        } finally {
            loop.stop();
            thread.join(5_000);
        }
    }

    @Test
    void aRememberedPositionWinsOverTheLatest() {
        LatestPositions positions = new LatestPositions();
        positions.store("g", Map.of(TP, 3L));
        assertEquals(Map.of(TP, 3L), positions.read("g"));
        positions.forget("g");
        assertEquals(Map.of(), positions.read("g"));
    }

    private static long positionOf(MockConsumer<String, String> consumer) {
        synchronized (consumer) {
            return consumer.assignment().contains(TP) && !consumer.paused().contains(TP) ? consumer.position(TP) : -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
