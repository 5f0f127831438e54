package mx.gob.dif.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);

    private RateLimiter limiter(long burst, double rate, int maxClients) {
        return new RateLimiter(burst, rate, maxClients, 10 * SECOND, now::get);
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimiter l = limiter(2, 1, 100);
        assertTrue(l.tryAcquire("client:a").allowed());
        assertTrue(l.tryAcquire("client:a").allowed());
        assertFalse(l.tryAcquire("client:a").allowed());
        assertTrue(l.tryAcquire("client:b").allowed());
        assertTrue(l.tryAcquire("ip:10.0.0.1").allowed());
        assertFalse(l.tryAcquire("client:a").allowed());
        assertEquals(3, l.trackedClients());
    }

    @Test
    void reportsTheBurstAsLimitAndWhatRemains() {
        RateLimiter l = limiter(5, 1, 100);
        assertEquals(5, l.limit());
        assertEquals(4, l.tryAcquire("k").remaining());
        assertEquals(3, l.tryAcquire("k").remaining());
    }

    @Test
    void refusedClientIsToldWhenToComeBack() {
        RateLimiter l = limiter(1, 0.25, 100);
        l.tryAcquire("k");
        TokenBucket.Decision d = l.tryAcquire("k");
        assertFalse(d.allowed());
        assertEquals(4, d.retryAfterSeconds());
        now.addAndGet(4 * SECOND);
        assertTrue(l.tryAcquire("k").allowed());
    }

    @Test
    void idleClientsAreForgottenOnceTheirBucketIsFullAgain() {
        RateLimiter l = limiter(2, 1, 100);
        l.tryAcquire("idle");
        l.tryAcquire("busy");
        now.addAndGet(10 * SECOND); // sweep due; "idle" has long refilled
        l.tryAcquire("busy");
        assertEquals(1, l.trackedClients());
    }

    @Test
    void clientsStillRefillingAreKeptBySweeps() {
        RateLimiter l = limiter(100, 1, 100);
        for (int i = 0; i < 20; i++) {
            l.tryAcquire("slow");
        }
        now.addAndGet(10 * SECOND); // sweep due; "slow" has 80 + 10 of 100 tokens
        l.tryAcquire("other");
        assertEquals(2, l.trackedClients());
        assertEquals(89, l.tryAcquire("slow").remaining()); // still remembered, not reset to a full bucket
    }

    @Test
    void sweepsDoNotRunBeforeTheirInterval() {
        RateLimiter l = limiter(1, 1000, 100);
        l.tryAcquire("a");
        now.addAndGet(SECOND); // "a" is full again, but the next sweep is only due in 10 s
        l.tryAcquire("b");
        assertEquals(2, l.trackedClients());
    }

    @Test
    void memoryIsBoundedEvenUnderAFloodOfNewKeys() {
        RateLimiter l = limiter(10, 0.001, 1000); // nothing refills during the test
        for (int i = 0; i < 50_000; i++) {
            assertTrue(l.tryAcquire("client:forged-" + i).allowed());
            assertTrue(l.trackedClients() <= 1000);
        }
    }

    @Test
    void whenFullIdleClientsAreDroppedBeforeActiveOnes() {
        RateLimiter l = limiter(1, 1, 3);
        l.tryAcquire("old1");
        l.tryAcquire("old2");
        now.addAndGet(2 * SECOND); // old1 and old2 are full again; no sweep due yet
        l.tryAcquire("active");
        l.tryAcquire("new"); // full: drops the refilled buckets first
        assertFalse(l.tryAcquire("active").allowed(), "the active client's spent bucket must survive");
        assertEquals(2, l.trackedClients());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 1, 1, -1, now::get));
    }
}
