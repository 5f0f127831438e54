package mx.gob.dif.messaging;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transaction logic of {@link DurableProducer#sendAtomically} on Kafka's own {@link MockProducer}
 * (which keeps uncommitted and committed records apart). The real broker's side (an aborted
 * transaction is invisible to read_committed consumers) is shown by programs-service's
 * {@code ActivityDurabilityTest}.
 */
class TransactionalProducersTest {
    private final List<MockProducer<String, String>> made = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    private TransactionalProducers pool(int size, long waitMs) {
        return new TransactionalProducers(id -> {
            ids.add(id);
            MockProducer<String, String> p = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
            made.add(p);
            return p;
        }, "programs-service-host1", size, waitMs);
    }

    private static List<ProducerRecord<String, String>> records(int n) {
        List<ProducerRecord<String, String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ProducerRecord<>("dif.activities", "10005|DIF-01-03", "{\"n\":" + i + "}"));
        }
        return out;
    }

    @Test
    void allRecordsAreCommittedInOneTransactionAndTheProducerIsReused() throws Exception {
        TransactionalProducers pool = pool(2, 1_000);
        pool.send(records(3));
        pool.send(records(2));
        assertEquals(1, made.size(), "one producer serves consecutive transactions");
        assertEquals(List.of("programs-service-host1-0"), ids);
        MockProducer<String, String> p = made.get(0);
        assertTrue(p.transactionInitialized());
        assertTrue(p.transactionCommitted());
        assertEquals(5, p.history().size());
    }

    @Test
    void aSendThatFailsAbortsTheWholeTransactionAndTheFailureIsCertain() {
        // the first two records go out, the third is refused: none of the three may be committed
        List<MockProducer<String, String>> created = new ArrayList<>();
        TransactionalProducers pool = new TransactionalProducers(id -> {
            MockProducer<String, String> p = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()) {
                private int sends;

                @Override
                public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> r) {
                    if (++sends == 3) {
                        throw new KafkaException("simulated: the third record is refused");
                    }
                    return super.send(r);
                }
            };
            created.add(p);
            return p;
        }, "programs-service-host1", 1, 1_000);
        TransactionFailure f = assertThrows(TransactionFailure.class, () -> pool.send(records(3)));
        assertFalse(f.uncertain());
        MockProducer<String, String> p = created.get(0);
        assertTrue(p.transactionAborted());
        assertFalse(p.transactionCommitted());
        assertEquals(List.of(), p.history(), "nothing committed");
    }

    @Test
    void aFailedCommitIsAbortedAndNothingIsCommitted() {
        TransactionalProducers pool = pool(1, 1_000);
        List<MockProducer<String, String>> created = made;
        TransactionFailure f = assertThrows(TransactionFailure.class, () -> {
            pool.send(records(1)); // creates the producer
            created.get(0).commitTransactionException = new KafkaException("simulated: delivery timeout of a batch");
            pool.send(records(4));
        });
        assertFalse(f.uncertain(), "a failed send is never committed");
        MockProducer<String, String> p = made.get(0);
        assertTrue(p.transactionAborted());
        assertEquals(1, p.history().size(), "the four records of the failed transaction stay uncommitted");
        assertFalse(p.closed(), "after an abort the producer is used again");
    }

    @Test
    void aCommitWithoutAnswerIsRetriedUntilTheWaitAndThenUncertainAndTheProducerReplaced() throws Exception {
        TransactionalProducers pool = pool(1, 200);
        pool.send(records(1));
        MockProducer<String, String> first = made.get(0);
        first.commitTransactionException = new TimeoutException("simulated: no answer from the coordinator");
        long t0 = System.nanoTime();
        TransactionFailure f = assertThrows(TransactionFailure.class, () -> pool.send(records(2)));
        assertTrue(f.uncertain());
        assertTrue(System.nanoTime() - t0 >= 200_000_000L, "the commit is retried for the whole wait");
        assertTrue(first.closed(), "a producer with a commit of unknown outcome is not used again");
        pool.send(records(1));
        assertEquals(2, made.size(), "a new producer with the same transactional.id takes the slot");
        assertEquals(List.of("programs-service-host1-0", "programs-service-host1-0"), ids);
        assertTrue(made.get(1).transactionCommitted());
    }

    @Test
    void aFencedProducerIsReplaced() throws Exception {
        TransactionalProducers pool = pool(1, 1_000);
        pool.send(records(1));
        made.get(0).fenceProducer();
        TransactionFailure f = assertThrows(TransactionFailure.class, () -> pool.send(records(1)));
        assertFalse(f.uncertain(), "fenced before any commit: nothing was committed");
        assertTrue(made.get(0).closed());
        pool.send(records(1));
        assertTrue(made.get(1).transactionCommitted());
    }

    @Test
    void concurrentCallersUseTheirOwnTransactionalIds() throws Exception {
        TransactionalProducers pool = pool(3, 1_000);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 12; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    pool.send(records(5));
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of(), errors);
        assertTrue(made.size() <= 3, "never more producers than slots");
        assertEquals(60, made.stream().mapToInt(p -> p.history().size()).sum());
        assertEquals(made.size(), ids.stream().distinct().count(), "one transactional.id per producer");
    }

    /** A send reported as failed after the delivery timeout must never be committed later: the wait outlasts it. */
    @Test
    void aTransactionWaitsLongerThanTheDeliveryTimeout() {
        assertTrue(DurableProducer.transactionWaitMs(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000")) > 30_000);
    }
}
