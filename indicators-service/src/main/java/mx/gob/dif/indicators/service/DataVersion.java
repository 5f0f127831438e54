package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves on every committed change of the indicators database (an applied batch, a catalog change,
 * a rebuild). Whatever is computed from the database and kept in memory is valid only for the
 * version it was computed at.
 */
@ApplicationScoped
public class DataVersion {
    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    public void changed() {
        version.incrementAndGet();
    }
}
