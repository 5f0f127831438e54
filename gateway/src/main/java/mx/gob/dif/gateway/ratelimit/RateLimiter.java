package mx.gob.dif.gateway.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

// Hand-written on purpose: Quarkus has no per-client rate limiter; this one has bounded memory.
/**
 * One {@link TokenBucket} per client key, with bounded memory.
 * <p>
 * A bucket that has refilled completely is indistinguishable from a new one, so idle buckets are
 * dropped by a sweep that runs at most once per {@code sweepIntervalNanos} (on the calling thread,
 * by whichever request comes first). If there are still more than {@code maxClients} keys (a flood
 * of distinct keys), arbitrary buckets are dropped until 90 % of the bound: those clients simply
 * start again with a full bucket, so under a key flood the limiter errs on the lenient side rather
 * than refusing legitimate clients or growing without bound.
 */
public final class RateLimiter {
    private final long burst;
    private final double ratePerSecond;
    private final int maxClients;
    private final long sweepIntervalNanos;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    /**
     * @param burst              requests a client may make at once (bucket capacity)
     * @param ratePerSecond      sustained requests per second per client
     * @param maxClients         most buckets kept at any time
     * @param sweepIntervalNanos how often idle buckets are looked for
     * @param clock              monotonic nanoseconds, e.g. {@code System::nanoTime}
     */
    public RateLimiter(long burst, double ratePerSecond, int maxClients, long sweepIntervalNanos, LongSupplier clock) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        if (sweepIntervalNanos < 0) {
            throw new IllegalArgumentException("sweepIntervalNanos must not be negative");
        }
        new TokenBucket(burst, ratePerSecond, 0); // validates burst and rate up front
        this.burst = burst;
        this.ratePerSecond = ratePerSecond;
        this.maxClients = maxClients;
        this.sweepIntervalNanos = sweepIntervalNanos;
        this.clock = clock;
        this.nextSweep = new AtomicLong(clock.getAsLong() + sweepIntervalNanos);
    }

    /** Counts one request of {@code key}. */
    public TokenBucket.Decision tryAcquire(String key) {
        long now = clock.getAsLong();
        maybeSweep(now);
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                shrink(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(burst, ratePerSecond, now));
        }
        return bucket.tryTake(now);
    }

    /** The bucket size, i.e. what {@code RateLimit-Limit} announces. */
    public long limit() {
        return burst;
    }

    /** Number of clients currently tracked. */
    public int trackedClients() {
        return buckets.size();
    }

    private void maybeSweep(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + sweepIntervalNanos)) {
            evictFull(now);
        }
    }

    private void evictFull(long now) {
        buckets.values().removeIf(b -> b.isFull(now));
    }

    private synchronized void shrink(long now) {
        if (buckets.size() < maxClients) {
            return; // another thread made room meanwhile
        }
        evictFull(now);
        int target = Math.max(0, (int) (maxClients * 0.9) - 1);
        Iterator<TokenBucket> it = buckets.values().iterator();
        while (buckets.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
