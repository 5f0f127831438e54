package mx.gob.dif.common.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs the same write n times at once, on real threads, so that every one of them has checked before
 * any has written: the calls start together (a start gate) while the test holds a lock on the table they
 * write, which lets them read but not write; once every call waits on a lock (or has already answered)
 * the lock is released and they race for the row. Without the lock a loaded machine could run them one
 * after the other, and the race would not be tested at all.
 */
public final class Race {
    private static final long DEADLINE_MS = 120_000;

    private Race() {
    }

    /** The answers of the n calls, in call order ({@code call} gets its index). */
    public static <T> List<T> run(DataSource db, String table, int n, IntFunction<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try (Connection lock = db.getConnection(); Connection watch = db.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table " + table + " in share row exclusive mode"); // reads pass, inserts and updates wait
            }
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(threads.submit(() -> {
                    gate.await();
                    return call.apply(index);
                }));
            }
            gate.countDown();
            awaitAllWaiting(watch, calls); // its own connection: a transaction sees one snapshot of pg_stat_activity
            lock.rollback();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : calls) {
                answers.add(f.get(DEADLINE_MS, TimeUnit.MILLISECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Until every call either waits on a lock of this database or has answered. */
    private static void awaitAllWaiting(Connection watch, List<? extends Future<?>> calls) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (true) {
            long done = calls.stream().filter(Future::isDone).count();
            try (Statement s = watch.createStatement(); ResultSet r = s.executeQuery("select count(*) from pg_stat_activity "
                    + "where datname = current_database() and wait_event_type = 'Lock'")) {
                r.next();
                if (r.getLong(1) + done >= calls.size()) {
                    return;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the " + calls.size() + " calls never all reached the locked table");
            }
            Thread.sleep(50);
        }
    }
}
