package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.indicators.persistence.RebuildTables;
import mx.gob.dif.messaging.EventLoops;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves on every committed change of the indicators database, whichever instance of the service made
 * it: whatever is computed from the database and kept in memory is valid only for the version it was
 * computed at. Read from the database (the loops' stored offsets move in the transaction of every batch,
 * the rebuild generation with every rebuild), so it moves only once a change is committed, and on every
 * instance at once; plus this instance's own count of changes to its in-memory catalog, which follow
 * their commit.
 */
@ApplicationScoped
public class DataVersion {
    /** Read it before computing, so a change committed meanwhile leaves the result under the older version. */
    public record Stamp(long committed, long generation, long local) {
    }

    private final AtomicLong local = new AtomicLong();
    private final EventLoops loops;
    private final RebuildTables rebuilds;

    public DataVersion(EventLoops loops, RebuildTables rebuilds) {
        this.loops = loops;
        this.rebuilds = rebuilds;
    }

    public Stamp current() {
        try {
            return new Stamp(loops.committedPosition(), rebuilds.read().generation(), local.get());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After this instance's loop committed a batch and updated what it keeps in memory. */
    public void changed() {
        local.incrementAndGet();
    }
}
