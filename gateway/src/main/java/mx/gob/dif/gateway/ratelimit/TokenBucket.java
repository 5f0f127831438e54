package mx.gob.dif.gateway.ratelimit;

// Hand-written on purpose: the per-client limiter needs an exact, clock-injected bucket that Quarkus does not offer.
/**
 * A token bucket: holds at most {@code capacity} tokens, gains {@code ratePerSecond} tokens per
 * second, and every request takes one. Time comes from the caller (nanoseconds of a monotonic
 * clock), so the bucket is deterministic under test. Thread-safe.
 * <p>
 * To stay exact (no floating-point drift), the content is kept as "credit": nanoseconds of
 * refilling, one token being worth {@code 1e9 / ratePerSecond} nanoseconds.
 */
public final class TokenBucket {
    private final long nanosPerToken;
    private final long capacityNanos;
    private long credit;
    private long lastRefillNanos;

    /** A full bucket. */
    public TokenBucket(long capacity, double ratePerSecond, long nowNanos) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be positive and finite, was " + ratePerSecond);
        }
        double perToken = Math.rint(1e9 / ratePerSecond);
        if (perToken >= Long.MAX_VALUE / capacity) {
            throw new IllegalArgumentException("rate " + ratePerSecond + "/s with capacity " + capacity + " is too slow to represent");
        }
        this.nanosPerToken = Math.max(1, (long) perToken);
        this.capacityNanos = capacity * nanosPerToken;
        this.credit = capacityNanos;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes one token if there is one; otherwise says how long until there will be. */
    public synchronized Decision tryTake(long nowNanos) {
        refill(nowNanos);
        if (credit >= nanosPerToken) {
            credit -= nanosPerToken;
            return new Decision(true, credit / nanosPerToken, 0);
        }
        return new Decision(false, 0, nanosPerToken - credit);
    }

    /** True when the bucket has been left alone long enough to be full again: dropping it loses nothing. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return credit >= capacityNanos;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos; // a difference, so System.nanoTime() wrap-around is harmless
        if (elapsed <= 0) {
            return; // a clock that stands still (or steps back) adds nothing
        }
        credit = elapsed >= capacityNanos - credit ? capacityNanos : credit + elapsed;
        lastRefillNanos = nowNanos;
    }

    /**
     * The outcome of one request.
     *
     * @param allowed   whether the request may go on
     * @param remaining whole tokens left after this request
     * @param waitNanos when refused, nanoseconds until one token is back (at least 1); 0 when allowed
     */
    public record Decision(boolean allowed, long remaining, long waitNanos) {
        /** Whole seconds to put in Retry-After: rounded up, never less than 1. */
        public long retryAfterSeconds() {
            long seconds = waitNanos / 1_000_000_000L + (waitNanos % 1_000_000_000L == 0 ? 0 : 1);
            return Math.max(1, seconds);
        }
    }
}
