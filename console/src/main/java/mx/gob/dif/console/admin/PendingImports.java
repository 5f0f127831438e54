package mx.gob.dif.console.admin;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workbooks that passed the dry run, kept until the administrator who uploaded them confirms the import, so the
 * file saved is exactly the file checked (not a second upload). Held in memory for {@link #TTL}, then forgotten:
 * an unconfirmed import is simply uploaded again.
 */
@ApplicationScoped
public class PendingImports {
    static final Duration TTL = Duration.ofMinutes(30);
    /** Plenty for a few administrators at once; a workbook is a few hundred KB. */
    static final int MAX_PENDING = 50;

    record Pending(String user, byte[] workbook, String orgUnit, Integer fiscalYear, Instant expires) {
    }

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    UUID keep(String user, byte[] workbook, String orgUnit, Integer fiscalYear) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            pending.clear(); // never grows without bound; whoever loses theirs uploads again
        }
        UUID key = UUID.randomUUID();
        pending.put(key, new Pending(user, workbook, orgUnit, fiscalYear, now.plus(TTL)));
        return key;
    }

    /** The workbook kept under {@code key} for {@code user}, removed; empty when unknown, expired or someone else's. */
    Optional<Pending> take(UUID key, String user) {
        Pending p = pending.get(key);
        if (p == null || !p.user().equals(user) || p.expires().isBefore(Instant.now())) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(p);
    }
}
