package mx.gob.dif.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A loop is supervised: when something escapes its batch handling (here an Error thrown by the
 * consumer itself), it closes that consumer and starts again with a new one, and only shutdown ends
 * its thread. No broker or database is needed: nothing is assigned, so no batch is applied.
 */
class EventLoopSupervisionTest {

    /** A consumer whose first poll dies the way a broken client or a stack overflow would. */
    static final class DyingConsumer extends MockConsumer<String, String> {
        DyingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized ConsumerRecords<String, String> poll(Duration timeout) {
            throw new StackOverflowError("simulated");
        }
    }

    @Test
    void aLoopThatDiesStartsAgainWithANewConsumerAndStopsOnlyAtShutdown() throws Exception {
        AtomicInteger created = new AtomicInteger();
        List<MockConsumer<String, String>> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        Supplier<Consumer<String, String>> consumers = () -> {
            MockConsumer<String, String> c = created.getAndIncrement() == 0 ? new DyingConsumer() : new MockConsumer<>("earliest");
            made.add(c);
            return c;
        };
        EventLoop loop = new EventLoop(new EventLoop.Spec("test-loop", "test-group", List.of("dif.activities"), 10),
                batch -> {
                    throw new AssertionError("no batch is expected");
                }, consumers, null, null, 5, 20);
        Thread thread = Thread.ofPlatform().name("test-loop").start(loop);

        await(() -> created.get() == 2 && loop.alive(), "a second consumer after the first one died");
        assertEquals(1, loop.restarts());
        assertTrue(made.get(0).closed(), "the dead consumer was closed");

        loop.stop();
        thread.join(5_000);
        assertFalse(thread.isAlive(), "shutdown ends the thread");
        assertFalse(loop.alive());
        assertEquals(2, created.get(), "no restart after shutdown");
        assertTrue(made.get(1).closed(), "the last consumer was closed at shutdown");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
