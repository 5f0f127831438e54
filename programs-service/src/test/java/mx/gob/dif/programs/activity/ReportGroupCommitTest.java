package mx.gob.dif.programs.activity;

import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.programs.activity.ReportGroupCommit.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grouping of {@link ReportGroupCommit} with a committer that records what it is given: who
 * shares a group, what each request hears, ids twice in a group, callers that stop waiting, a
 * committer that throws, shutdown; and each request's 503 naming its own reports
 * ({@link ActivityService#refusal}).
 */
class ReportGroupCommitTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    /** One commit as the committer saw it. */
    private record Commit(List<ReportValidator.Valid> reports, List<String> receivedBy, Thread thread) {
    }

    private final List<Commit> commits = new CopyOnWriteArrayList<>();
    /** Counted down when the first commit has begun; the first commit then waits for {@link #release}. */
    private final CountDownLatch firstBegun = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ReportGroupCommit groups;

    @AfterEach
    void close() {
        release.countDown();
        if (groups != null) {
            groups.close();
        }
    }

    /** A committer whose first commit blocks until {@link #release}, then answers {@code first}; every later one {@code later}. */
    private ReportGroupCommit.Committer recording(Outcome first, Outcome later) {
        return (reports, receivedBy) -> {
            commits.add(new Commit(List.copyOf(reports), List.copyOf(receivedBy), Thread.currentThread()));
            if (commits.size() == 1) {
                firstBegun.countDown();
                await(release);
                return first;
            }
            return later;
        };
    }

    @Test
    void aLoneRequestIsCommittedAtOnceAsAGroupOfItsOwn() {
        groups = new ReportGroupCommit((reports, receivedBy) -> {
            commits.add(new Commit(List.copyOf(reports), List.copyOf(receivedBy), Thread.currentThread()));
            return Outcome.ACCEPTED;
        }, LONG);
        List<ReportValidator.Valid> one = reports(1);
        assertEquals(Outcome.ACCEPTED, groups.submit(one, "ana"));
        assertEquals(1, commits.size());
        assertEquals(one, commits.get(0).reports());
        assertEquals(List.of("ana"), commits.get(0).receivedBy());
    }

    @Test
    void requestsQueuedDuringACommitShareTheNextGroupEachWithItsSender() throws Exception {
        groups = new ReportGroupCommit(recording(Outcome.ACCEPTED, Outcome.ACCEPTED), LONG);
        CompletableFuture<Outcome> a = submitAsync(reports(1), "ana");
        await(firstBegun);
        List<ReportValidator.Valid> b = reports(2);
        List<ReportValidator.Valid> c = reports(1);
        CompletableFuture<Outcome> fb = submitAsync(b, "beto");
        CompletableFuture<Outcome> fc = submitAsync(c, "carla");
        until(() -> groups.waiting() == 2);
        release.countDown();

        for (CompletableFuture<Outcome> f : List.of(a, fb, fc)) {
            assertEquals(Outcome.ACCEPTED, f.get(1, TimeUnit.MINUTES));
        }
        assertEquals(2, commits.size(), "one commit for the lone first request, ONE for the two queued behind it");
        Commit group = commits.get(1);
        assertEquals(3, group.reports().size());
        assertTrue(group.reports().containsAll(b) && group.reports().containsAll(c));
        for (int i = 0; i < 3; i++) {
            assertEquals(b.contains(group.reports().get(i)) ? "beto" : "carla", group.receivedBy().get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"NOTES_FAILED", "NOT_PUBLISHED", "UNCERTAIN"})
    void everyRequestOfAFailedGroupHearsTheFailureAndTheGroupBeforeItIsUntouched(Outcome failure) throws Exception {
        groups = new ReportGroupCommit(recording(Outcome.ACCEPTED, failure), LONG);
        CompletableFuture<Outcome> first = submitAsync(reports(1), "ana");
        await(firstBegun);
        List<CompletableFuture<Outcome>> group = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            group.add(submitAsync(reports(1 + i % 2), "usuario" + i));
        }
        until(() -> groups.waiting() == 5);
        release.countDown();

        assertEquals(Outcome.ACCEPTED, first.get(1, TimeUnit.MINUTES));
        for (CompletableFuture<Outcome> f : group) {
            assertEquals(failure, f.get(1, TimeUnit.MINUTES));
        }
        assertEquals(2, commits.size());
    }

    @Test
    void theSameIdInTwoRequestsOfAGroupIsCommittedOnceWithTheFirstSender() throws Exception {
        groups = new ReportGroupCommit(recording(Outcome.ACCEPTED, Outcome.ACCEPTED), LONG);
        CompletableFuture<Outcome> first = submitAsync(reports(1), "ana");
        await(firstBegun);
        ReportValidator.Valid shared = report(0, UUID.randomUUID(), true);
        ReportValidator.Valid other = report(1, UUID.randomUUID(), true);
        CompletableFuture<Outcome> b = submitAsync(List.of(shared), "beto");
        until(() -> groups.waiting() == 1);
        CompletableFuture<Outcome> c = submitAsync(List.of(report(0, shared.id(), true), other), "carla");
        until(() -> groups.waiting() == 2);
        release.countDown();

        for (CompletableFuture<Outcome> f : List.of(first, b, c)) {
            assertEquals(Outcome.ACCEPTED, f.get(1, TimeUnit.MINUTES));
        }
        Commit group = commits.get(1);
        assertEquals(List.of(shared.id(), other.id()), group.reports().stream().map(ReportValidator.Valid::id).toList());
        assertEquals(List.of("beto", "carla"), group.receivedBy());
    }

    @Test
    void aCommitterThatThrowsLeavesItsGroupUncertainAndTheNextGroupIsCommitted() {
        groups = new ReportGroupCommit((reports, receivedBy) -> {
            commits.add(new Commit(reports, receivedBy, Thread.currentThread()));
            if (commits.size() == 1) {
                throw new IllegalStateException("simulated failure after the Kafka commit");
            }
            return Outcome.ACCEPTED;
        }, LONG);
        assertEquals(Outcome.UNCERTAIN, groups.submit(reports(1), "ana"));
        assertEquals(Outcome.ACCEPTED, groups.submit(reports(1), "ana"));
    }

    @Test
    void aRequestStillQueuedWhenItsWaitEndsIsNeverCommitted() throws Exception {
        groups = new ReportGroupCommit(recording(Outcome.ACCEPTED, Outcome.ACCEPTED), Duration.ofMillis(300));
        CompletableFuture<Outcome> first = submitAsync(reports(1), "ana");
        await(firstBegun);
        List<ReportValidator.Valid> late = reports(1);
        assertEquals(Outcome.NOT_PUBLISHED, groups.submit(late, "beto"), "the first commit still blocks: its wait ended in the queue");
        assertEquals(Outcome.UNCERTAIN, first.get(1, TimeUnit.MINUTES), "the first request's wait ended while it was committing");
        release.countDown();
        assertEquals(Outcome.ACCEPTED, groups.submit(reports(1), "carla"));
        assertTrue(commits.stream().noneMatch(c -> c.reports().equals(late)));
    }

    @Test
    void anInterruptedCallerStillQueuedLeavesNothingAndKeepsItsInterrupt() throws Exception {
        groups = new ReportGroupCommit(recording(Outcome.ACCEPTED, Outcome.ACCEPTED), LONG);
        submitAsync(reports(1), "ana");
        await(firstBegun);
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            outcome.complete(groups.submit(reports(1), "beto"));
            interruptedAfter.complete(Thread.currentThread().isInterrupted());
        });
        until(() -> groups.waiting() == 1);
        caller.interrupt();
        assertEquals(Outcome.NOT_PUBLISHED, outcome.get(1, TimeUnit.MINUTES));
        assertTrue(interruptedAfter.get(1, TimeUnit.MINUTES));
        assertEquals(0, groups.waiting());
    }

    @Test
    void aLargeRequestIsCommittedAloneOnTheCallersThread() {
        groups = new ReportGroupCommit(recording(Outcome.ACCEPTED, Outcome.ACCEPTED), LONG);
        release.countDown();
        List<ReportValidator.Valid> large = reports(ReportGroupCommit.ALONE);
        assertEquals(Outcome.ACCEPTED, groups.submit(large, "ana"));
        assertEquals(1, commits.size());
        assertEquals(Thread.currentThread(), commits.get(0).thread());
        assertEquals(large, commits.get(0).reports());
    }

    @Test
    void atShutdownWhatIsQueuedIsCommittedAndLaterRequestsAreRefused() throws Exception {
        groups = new ReportGroupCommit(recording(Outcome.ACCEPTED, Outcome.ACCEPTED), LONG);
        CompletableFuture<Outcome> first = submitAsync(reports(1), "ana");
        await(firstBegun);
        CompletableFuture<Outcome> queued = submitAsync(reports(1), "beto");
        until(() -> groups.waiting() == 1);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(groups::close);
        release.countDown();
        closing.get(1, TimeUnit.MINUTES);
        assertEquals(Outcome.ACCEPTED, first.get(1, TimeUnit.MINUTES));
        assertEquals(Outcome.ACCEPTED, queued.get(1, TimeUnit.MINUTES));
        assertEquals(Outcome.NOT_PUBLISHED, groups.submit(reports(1), "carla"));
        assertEquals(2, commits.size());
    }

    @Test
    void eachRequestsRefusalCountsAndListsOnlyItsOwnReports() {
        List<ReportValidator.Valid> mine = List.of(report(0, UUID.randomUUID(), true), report(1, UUID.randomUUID(), false),
                report(2, UUID.randomUUID(), false));
        ProblemException uncertain = ActivityService.refusal(Outcome.UNCERTAIN, mine);
        assertEquals(503, uncertain.status());
        assertTrue(uncertain.getMessage().contains("los 3 reportes de esta solicitud"), uncertain.getMessage());
        assertEquals(List.of(1, 2), uncertain.errors().stream().map(Problem.FieldError::index).toList(),
                "only the ids the service assigned, at this request's indices");
        assertTrue(uncertain.errors().get(0).message().contains(mine.get(1).id().toString()));

        ProblemException notPublished = ActivityService.refusal(Outcome.NOT_PUBLISHED, mine);
        assertEquals(503, notPublished.status());
        assertTrue(notPublished.getMessage().contains("ningún reporte de esta solicitud (3)"), notPublished.getMessage());
        assertEquals(503, ActivityService.refusal(Outcome.NOTES_FAILED, mine).status());
    }

    // ---------------------------------------------------------------- helpers

    private CompletableFuture<Outcome> submitAsync(List<ReportValidator.Valid> reports, String receivedBy) {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> f.complete(groups.submit(reports, receivedBy)));
        return f;
    }

    private static List<ReportValidator.Valid> reports(int n) {
        return IntStream.range(0, n).mapToObj(i -> report(i, UUID.randomUUID(), false)).toList();
    }

    private static ReportValidator.Valid report(int index, UUID id, boolean clientId) {
        return new ReportValidator.Valid(index, id, clientId, "DIF-01-03", "10005", "10005", 2021, LocalDate.of(2021, 3, 14),
                BigDecimal.ONE, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(1, TimeUnit.MINUTES), "not within a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, "not within a minute");
            Thread.sleep(5);
        }
    }
}
