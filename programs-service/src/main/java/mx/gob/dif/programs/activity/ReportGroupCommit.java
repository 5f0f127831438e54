package mx.gob.dif.programs.activity;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit of accepted reports (issue 14): requests that arrive while a group is being committed
 * wait in a queue, and one committer thread then commits ALL of them together (one notes statement,
 * one Kafka transaction, one ledger statement; the {@link Committer}), instead of one of each per
 * request. Every request of a group gets the group's {@link Outcome}: the group lands whole or not at
 * all, like each request did alone. There is no linger: a lone request is committed as soon as the
 * committer is free, so batching comes only from what queued up during the previous commit, and it
 * grows with the load. A request of {@link #ALONE} reports or more fills a transaction on its own:
 * it is committed on the caller's thread, exactly as before group commit.
 * <p>
 * The same id in two requests of one group (two clients racing with one report) is committed once,
 * with the first request's note and sender; the second is answered like a resend that raced the
 * first, which is what both got before group commit (202, the ledger keeps one row).
 * <p>
 * A caller waits at most {@code wait}: still queued then, it leaves the queue and nothing of it is
 * stored ({@link Outcome#NOT_PUBLISHED}); already in a group that is committing, its outcome is
 * unknown ({@link Outcome#UNCERTAIN}). The committer survives any exception of a group (whose
 * requests are then answered {@link Outcome#UNCERTAIN}: it may have failed after the Kafka commit).
 */
final class ReportGroupCommit implements AutoCloseable {
    /** A request this large commits alone, on its own thread. */
    static final int ALONE = 500;
    /** A group stops taking queued requests once it holds this many reports. */
    static final int GROUP_REPORTS = 2_000;
    private static final Logger LOG = Logger.getLogger(ReportGroupCommit.class);

    /** What became of a request's reports. */
    enum Outcome {
        /** Committed on Kafka (the ledger rows are written, now or by the ledger loop). */
        ACCEPTED,
        /** The notes could not be stored: nothing was published. */
        NOTES_FAILED,
        /** Certainly not committed, and never will be. */
        NOT_PUBLISHED,
        /** Committed for ever or never: the caller cannot know which. */
        UNCERTAIN
    }

    /** Commits one group: every report with its sender ({@code receivedBy.get(i)} sent {@code reports.get(i)}); ids are distinct. */
    @FunctionalInterface
    interface Committer {
        Outcome commit(List<ReportValidator.Valid> reports, List<String> receivedBy);
    }

    private record Pending(List<ReportValidator.Valid> reports, String receivedBy, CompletableFuture<Outcome> done) {
    }

    private final Committer committer;
    private final Duration wait;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    ReportGroupCommit(Committer committer, Duration wait) {
        this.committer = committer;
        this.wait = wait;
        this.thread = Thread.ofPlatform().name("activity-group-commit").daemon().start(this::run);
    }

    /** Commits the reports (distinct ids, at least one) alone or in a group; blocks until committed or {@code wait} has passed. */
    Outcome submit(List<ReportValidator.Valid> reports, String receivedBy) {
        if (reports.size() >= ALONE) {
            return committer.commit(reports, Collections.nCopies(reports.size(), receivedBy));
        }
        Pending p = new Pending(reports, receivedBy, new CompletableFuture<>());
        if (closed) {
            return Outcome.NOT_PUBLISHED;
        }
        queue.add(p);
        try {
            return p.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandoned(p, "was interrupted");
        } catch (TimeoutException e) {
            return abandoned(p, "waited " + wait.toMillis() + " ms");
        } catch (ExecutionException e) {
            // never: the futures are only completed normally
            return Outcome.UNCERTAIN;
        }
    }

    /** A caller that stops waiting: a request still queued is taken out (nothing stored), one being committed is unknown. */
    private Outcome abandoned(Pending p, String why) {
        if (queue.remove(p)) {
            LOG.warnf("A request of %d reports %s in the group commit queue; answered as not published", p.reports().size(), why);
            return Outcome.NOT_PUBLISHED;
        }
        Outcome done = p.done().getNow(null);
        if (done != null) {
            return done;
        }
        LOG.warnf("A request of %d reports %s while its group was committing; answered as uncertain", p.reports().size(), why);
        return Outcome.UNCERTAIN;
    }

    /** Requests waiting for the committer (not counting the group being committed). */
    int waiting() {
        return queue.size();
    }

    private void run() {
        // at shutdown, what is already queued is still committed: those requests are in flight
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    commit(group(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // commit() catches what the committer throws; this is the loop's last line of defence
                LOG.errorf("The activity group committer went on after %s", e.getClass().getName());
            }
        }
    }

    /** {@code first} and whatever is queued behind it, up to about {@link #GROUP_REPORTS} reports. */
    private List<Pending> group(Pending first) {
        List<Pending> group = new ArrayList<>();
        group.add(first);
        int reports = first.reports().size();
        Pending next;
        while (reports < GROUP_REPORTS && (next = queue.poll()) != null) {
            group.add(next);
            reports += next.reports().size();
        }
        return group;
    }

    private void commit(List<Pending> group) {
        List<ReportValidator.Valid> reports = new ArrayList<>();
        List<String> receivedBy = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (Pending p : group) {
            for (ReportValidator.Valid v : p.reports()) {
                if (ids.add(v.id())) {
                    reports.add(v);
                    receivedBy.add(p.receivedBy());
                }
            }
        }
        Outcome outcome;
        try {
            outcome = committer.commit(reports, receivedBy);
        } catch (RuntimeException | Error e) {
            // the class only: a message may quote data; the committer logs what it knows
            LOG.errorf("Committing a group of %d requests (%d reports) failed with %s; outcome unknown", group.size(),
                    reports.size(), e.getClass().getName());
            outcome = Outcome.UNCERTAIN;
        }
        for (Pending p : group) {
            p.done().complete(outcome);
        }
    }

    /** Commits what is queued (waiting up to {@code wait}), then answers whatever is left as not published. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().complete(Outcome.NOT_PUBLISHED);
        }
    }
}
