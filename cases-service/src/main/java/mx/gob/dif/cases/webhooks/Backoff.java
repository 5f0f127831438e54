package mx.gob.dif.cases.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again. {@code delays.get(n - 1)} is the wait after the n-th
 * failed attempt (the last one repeats if more attempts are allowed than delays are listed); after
 * {@code maxAttempts} failed attempts there is no next one and the delivery is FAILED. Each wait
 * is spread by ±{@code jitter} (0.2 = ±20 %) so receivers coming back after an outage are not hit
 * by every queued delivery in the same second. Plain Java.
 */
public final class Backoff {
    /** 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h. */
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(6));

    private final List<Duration> delays;
    private final int maxAttempts;
    private final double jitter;

    public Backoff(List<Duration> delays, int maxAttempts, double jitter) {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("at least one delay is needed");
        }
        for (Duration d : delays) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("delays must be zero or positive: " + d);
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
        this.delays = List.copyOf(delays);
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait after {@code failedAttempts} failed attempts before jitter (attempts count from 1). */
    public Duration baseDelay(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts counts from 1: " + failedAttempts);
        }
        return delays.get(Math.min(failedAttempts, delays.size()) - 1);
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones, or empty when the
     * last allowed attempt has failed. {@code random} gives values in [0, 1) (e.g. {@code ThreadLocalRandom.current()::nextDouble}).
     */
    public Optional<Duration> next(int failedAttempts, DoubleSupplier random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts counts from 1: " + failedAttempts);
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration base = baseDelay(failedAttempts);
        double r = Math.min(Math.max(random.getAsDouble(), 0), 1);
        double factor = 1 + jitter * (2 * r - 1);
        long millis = Math.round(base.toMillis() * factor);
        return Optional.of(Duration.ofMillis(Math.max(0, millis)));
    }

    /** The time from the first attempt to the last one without jitter: how long a receiver may be down. */
    public Duration span() {
        Duration total = Duration.ZERO;
        for (int n = 1; n < maxAttempts; n++) {
            total = total.plus(baseDelay(n));
        }
        return total;
    }
}
