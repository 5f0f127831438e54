package mx.gob.dif.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void aNewBucketAllowsTheWholeBurstAtOnceThenRefuses() {
        TokenBucket b = new TokenBucket(3, 1, 0);
        assertEquals(new TokenBucket.Decision(true, 2, 0), b.tryTake(0));
        assertEquals(new TokenBucket.Decision(true, 1, 0), b.tryTake(0));
        assertEquals(new TokenBucket.Decision(true, 0, 0), b.tryTake(0));
        TokenBucket.Decision refused = b.tryTake(0);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(SECOND, refused.waitNanos());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        TokenBucket b = new TokenBucket(2, 10, 0); // one token every 100 ms
        b.tryTake(0);
        b.tryTake(0);
        assertFalse(b.tryTake(99 * MS).allowed());
        assertTrue(b.tryTake(100 * MS).allowed());
        assertFalse(b.tryTake(100 * MS).allowed());
        assertTrue(b.tryTake(200 * MS).allowed());
    }

    @Test
    void refillNeverExceedsTheBurst() {
        TokenBucket b = new TokenBucket(2, 100, 0);
        b.tryTake(0);
        TokenBucket.Decision afterAnHour = b.tryTake(3600 * SECOND);
        assertEquals(1, afterAnHour.remaining()); // full (2) minus this request, not 360,000
        assertTrue(b.tryTake(3600 * SECOND).allowed());
        assertFalse(b.tryTake(3600 * SECOND).allowed());
    }

    @Test
    void refusedRequestsDoNotUseTokens() {
        TokenBucket b = new TokenBucket(1, 1, 0);
        b.tryTake(0);
        for (int i = 0; i < 100; i++) {
            assertFalse(b.tryTake(500 * MS).allowed());
        }
        assertTrue(b.tryTake(SECOND).allowed());
    }

    @Test
    void waitIsWhatIsMissingOfOneToken() {
        TokenBucket b = new TokenBucket(1, 0.5, 0); // one token every 2 s
        b.tryTake(0);
        TokenBucket.Decision d = b.tryTake(SECOND / 2);
        assertEquals(3 * SECOND / 2, d.waitNanos());
        assertEquals(2, d.retryAfterSeconds());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "999999999, 1", "1000000000, 1", "1000000001, 2", "59500000000, 60"})
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne(long waitNanos, long seconds) {
        assertEquals(seconds, new TokenBucket.Decision(false, 0, waitNanos).retryAfterSeconds());
    }

    @Test
    void retryAfterIsAtLeastOneEvenWithAFastRefill() {
        TokenBucket b = new TokenBucket(1, 1000, 0);
        b.tryTake(0);
        TokenBucket.Decision d = b.tryTake(0);
        assertEquals(MS, d.waitNanos());
        assertEquals(1, d.retryAfterSeconds());
    }

    @Test
    void slowRatesGiveLongRetryAfter() {
        TokenBucket b = new TokenBucket(1, 1.0 / 60, 0); // one a minute
        b.tryTake(0);
        assertEquals(60, b.tryTake(0).retryAfterSeconds());
        assertEquals(30, b.tryTake(30 * SECOND).retryAfterSeconds());
    }

    @Test
    void aClockThatStepsBackAddsNothing() {
        TokenBucket b = new TokenBucket(1, 1, 10 * SECOND);
        b.tryTake(10 * SECOND);
        assertFalse(b.tryTake(5 * SECOND).allowed());
        assertFalse(b.tryTake(10 * SECOND).allowed());
        assertTrue(b.tryTake(11 * SECOND).allowed());
    }

    @Test
    void worksAcrossNanoTimeWrapAround() {
        long start = Long.MAX_VALUE - SECOND / 2;
        TokenBucket b = new TokenBucket(1, 1, start);
        b.tryTake(start);
        assertFalse(b.tryTake(start + SECOND / 4).allowed());
        assertTrue(b.tryTake(start + SECOND).allowed()); // overflows to a negative value
    }

    @Test
    void isFullOnlyOnceEverythingHasComeBack() {
        TokenBucket b = new TokenBucket(4, 2, 0);
        assertTrue(b.isFull(0));
        b.tryTake(0);
        b.tryTake(0);
        assertFalse(b.isFull(999 * MS));
        assertTrue(b.isFull(SECOND));
    }

    @Test
    void remainingIsRoundedDown() {
        TokenBucket b = new TokenBucket(3, 1, 0);
        b.tryTake(0);
        b.tryTake(0);
        b.tryTake(0);
        assertEquals(0, b.tryTake(1500 * MS).remaining()); // 1.5 tokens back, one taken: 0.5 left
    }

    @Test
    void fractionalRatesAreExactOverLongRuns() {
        TokenBucket b = new TokenBucket(2, 3, 0); // one token every 333,333,333 ns
        b.tryTake(0);
        b.tryTake(0);
        int allowed = 0;
        for (long t = 1; t <= 3000; t++) { // every millisecond for 3 s
            if (b.tryTake(t * MS).allowed()) {
                allowed++;
            }
        }
        assertEquals(9, allowed);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Long.MAX_VALUE, 1, 0));
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheBurst() throws InterruptedException {
        TokenBucket b = new TokenBucket(1000, 1, 0); // the clock stands still: no refill
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (b.tryTake(0).allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1000, allowed.get());
    }
}
