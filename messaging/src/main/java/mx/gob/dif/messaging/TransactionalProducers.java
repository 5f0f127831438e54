package mx.gob.dif.messaging;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Kafka transactions behind {@link DurableProducer#sendAtomically}. A transactional producer runs
 * one transaction at a time, so concurrent callers share a pool of them, each with its own
 * {@code transactional.id} ({@code <prefix>-<slot>}, stable across restarts: a restarted instance
 * fences its predecessor's producers and aborts whatever they left open). A producer is created on
 * first use, and closed and replaced after an error Kafka calls fatal, or after a commit whose
 * outcome is unknown.
 * <p>
 * Why the outcome is almost always certain: a send that fails or times out (delivery.timeout.ms)
 * makes the commit fail, and the transaction is then aborted, which hides even the records the
 * broker had written. Only the commit itself can be ambiguous (the request reached the coordinator,
 * the answer did not); Kafka allows nothing but retrying it, which this does until {@code waitMs}
 * (longer than the delivery timeout) has passed since the transaction began.
 */
final class TransactionalProducers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TransactionalProducers.class);
    private final Function<String, Producer<String, String>> factory;
    private final String idPrefix;
    private final long waitMs;
    /** Slot i's producer, or null until used; only the caller holding slot i touches it (the queue hands it over). */
    private final Producer<String, String>[] producers;
    /** Free slots, most recently used first: a quiet service keeps using one producer. */
    private final BlockingDeque<Integer> free;

    /** {@code factory} makes a producer for a transactional.id; {@code waitMs} bounds one transaction from begin to commit. */
    @SuppressWarnings("unchecked")
    TransactionalProducers(Function<String, Producer<String, String>> factory, String idPrefix, int size, long waitMs) {
        this.factory = factory;
        this.idPrefix = idPrefix;
        this.waitMs = waitMs;
        this.producers = new Producer[size];
        this.free = new LinkedBlockingDeque<>(size);
        for (int i = 0; i < size; i++) {
            free.add(i);
        }
    }

    void send(List<ProducerRecord<String, String>> records) throws TransactionFailure {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        Integer slot;
        try {
            slot = free.pollFirst(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionFailure("interrupted while waiting for a transactional producer", e, false);
        }
        if (slot == null) {
            throw new TransactionFailure("no transactional producer was free within " + waitMs + " ms", null, false);
        }
        try {
            run(slot, producer(slot), records, deadline);
        } finally {
            free.addFirst(slot);
        }
    }

    private Producer<String, String> producer(int slot) throws TransactionFailure {
        Producer<String, String> p = producers[slot];
        if (p == null) {
            p = factory.apply(idPrefix + "-" + slot);
            try {
                // also completes or aborts what an earlier producer with this id left open
                p.initTransactions();
            } catch (RuntimeException e) {
                closeQuietly(p);
                throw new TransactionFailure("could not start a Kafka transaction: " + e, e, false);
            }
            producers[slot] = p;
        }
        return p;
    }

    private void run(int slot, Producer<String, String> p, List<ProducerRecord<String, String>> records, long deadline)
            throws TransactionFailure {
        try {
            p.beginTransaction();
            for (ProducerRecord<String, String> r : records) {
                // a failed send puts the transaction in error: the commit below reports it
                p.send(r);
            }
        } catch (RuntimeException e) {
            abort(slot, p);
            throw new TransactionFailure("Kafka transaction aborted: " + e, e, false);
        }
        boolean commitTimedOut = false;
        while (true) {
            try {
                p.commitTransaction();
                return;
            } catch (TimeoutException e) {
                // the commit may or may not have reached the coordinator: retrying it is the only safe step
                commitTimedOut = true;
                if (System.nanoTime() - deadline >= 0) {
                    discard(slot);
                    throw new TransactionFailure("no answer to the Kafka commit within " + waitMs + " ms", e, true);
                }
            } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException | AuthorizationException
                     | UnsupportedVersionException | InterruptException | IllegalStateException e) {
                // fatal for this producer; after a commit that timed out nobody can tell what the coordinator did
                discard(slot);
                throw new TransactionFailure("Kafka transaction failed: " + e, e, commitTimedOut || e instanceof InterruptException);
            } catch (KafkaException e) {
                // a send failed (e.g. delivery timeout) or the coordinator refused: nothing was committed
                abort(slot, p);
                throw new TransactionFailure("Kafka transaction aborted: " + e, e, false);
            }
        }
    }

    /** Aborts; a producer that cannot abort is replaced (its successor's initTransactions aborts for it). */
    private void abort(int slot, Producer<String, String> p) {
        try {
            p.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warnf("Could not abort a Kafka transaction (%s); the producer is replaced", e.toString());
            discard(slot);
        }
    }

    private void discard(int slot) {
        Producer<String, String> p = producers[slot];
        producers[slot] = null;
        if (p != null) {
            closeQuietly(p);
        }
    }

    private static void closeQuietly(Producer<String, String> p) {
        try {
            p.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debugf("Closing a transactional producer: %s", e.toString());
        }
    }

    /** At shutdown; a transaction still running is aborted by the coordinator or by the next instance. */
    @Override
    public void close() {
        for (int i = 0; i < producers.length; i++) {
            Producer<String, String> p = producers[i];
            if (p != null) {
                closeQuietly(p);
            }
        }
    }
}
