package mx.gob.dif.common.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bearer tokens whose signature, issuer and audience were already checked, remembered with what the
 * check produced until the token's own expiry: checking the same token again would give the same
 * answer until then, and a person's client sends the same token for many requests in a row.
 * <p>
 * Keyed by the whole token text (not a digest), so only the very same token finds an entry; bounded,
 * the least recently used entry goes first. Plain Java: the clock is given, in epoch seconds.
 */
public final class VerifiedTokens<V> {
    private final int capacity;
    private final LongSupplier nowSeconds;
    private final Map<String, Remembered<V>> entries;

    private record Remembered<V>(V value, long expiresAt) {
    }

    public VerifiedTokens(int capacity, LongSupplier nowSeconds) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.nowSeconds = nowSeconds;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered<V>> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
    }

    /** What the check of this very token produced, or null when it was not checked or has expired since. */
    public synchronized V get(String token) {
        Remembered<V> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowSeconds.getAsLong() >= entry.expiresAt()) {
            entries.remove(token);
            return null;
        }
        return entry.value();
    }

    /** Remembers a token that passed the check, until {@code expiresAt} (its exp claim, epoch seconds). */
    public synchronized void put(String token, long expiresAt, V value) {
        if (capacity > 0 && expiresAt > nowSeconds.getAsLong()) {
            entries.put(token, new Remembered<>(value, expiresAt));
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
