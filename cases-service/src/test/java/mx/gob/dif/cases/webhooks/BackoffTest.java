package mx.gob.dif.cases.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static final Backoff DEFAULT = new Backoff(Backoff.DEFAULT_DELAYS, 8, 0.2);

    @Test
    void theDefaultScheduleWithoutJitter() {
        Backoff exact = new Backoff(Backoff.DEFAULT_DELAYS, 8, 0);
        List<Duration> expected = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3));
        for (int failed = 1; failed <= 7; failed++) {
            assertEquals(Optional.of(expected.get(failed - 1)), exact.next(failed, () -> 0.73), "after failed attempt " + failed);
        }
        assertEquals(Optional.empty(), exact.next(8, () -> 0.5), "the 8th failed attempt is the last");
        assertEquals(Optional.empty(), exact.next(9, () -> 0.5));
    }

    @Test
    void theWaitsGrowAndTheWholeScheduleLastsAboutFourAndAHalfHours() {
        for (int n = 1; n < 8; n++) {
            assertTrue(DEFAULT.baseDelay(n + 1).compareTo(DEFAULT.baseDelay(n)) > 0, "wait " + n);
        }
        assertEquals(Duration.ofSeconds(10 + 30 + 120 + 600 + 1800 + 3600 + 10800), DEFAULT.span());
    }

    @Test
    void jitterSpreadsEachWaitWithinPlusMinusTwentyPercent() {
        assertEquals(Optional.of(Duration.ofSeconds(8)), DEFAULT.next(1, () -> 0.0));
        assertEquals(Optional.of(Duration.ofSeconds(10)), DEFAULT.next(1, () -> 0.5));
        assertEquals(Optional.of(Duration.ofMillis(11_600)), DEFAULT.next(1, () -> 0.9));
        assertEquals(Optional.of(Duration.ofMinutes(48)), DEFAULT.next(6, () -> 0.0));
        assertEquals(Optional.of(Duration.ofMinutes(72)), DEFAULT.next(6, () -> 1.0));
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 1000; i++) {
            int failed = 1 + r.nextInt(7);
            Duration base = DEFAULT.baseDelay(failed);
            Duration d = DEFAULT.next(failed, r::nextDouble).orElseThrow();
            assertTrue(d.toMillis() >= base.toMillis() * 0.8 - 1 && d.toMillis() <= base.toMillis() * 1.2 + 1, d + " around " + base);
        }
    }

    @Test
    void randomValuesOutOfRangeAreClamped() {
        assertEquals(Optional.of(Duration.ofSeconds(8)), DEFAULT.next(1, () -> -3));
        assertEquals(Optional.of(Duration.ofSeconds(12)), DEFAULT.next(1, () -> 7));
    }

    @Test
    void theLastDelayRepeatsWhenMoreAttemptsAreAllowed() {
        Backoff b = new Backoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), 5, 0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), b.next(1, () -> 0.5));
        assertEquals(Optional.of(Duration.ofSeconds(5)), b.next(2, () -> 0.5));
        assertEquals(Optional.of(Duration.ofSeconds(5)), b.next(3, () -> 0.5));
        assertEquals(Optional.of(Duration.ofSeconds(5)), b.next(4, () -> 0.5));
        assertEquals(Optional.empty(), b.next(5, () -> 0.5));
        assertEquals(Duration.ofSeconds(16), b.span());
    }

    @Test
    void oneAttemptMeansNoRetry() {
        Backoff once = new Backoff(List.of(Duration.ofSeconds(1)), 1, 0.2);
        assertEquals(Optional.empty(), once.next(1, () -> 0.5));
        assertEquals(Duration.ZERO, once.span());
    }

    @Test
    void theTestScheduleIsShort() {
        Backoff test = new Backoff(List.of(Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofMillis(200)), 4, 0.2);
        assertEquals(Duration.ofMillis(450), test.span());
        assertEquals(Optional.empty(), test.next(4, () -> 0.5));
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(), 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(null, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(Duration.ofSeconds(-1)), 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(Duration.ofSeconds(1)), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(Duration.ofSeconds(1)), 3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(Duration.ofSeconds(1)), 3, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(Duration.ofSeconds(1)), 3, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.next(0, () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.baseDelay(0));
    }
}
