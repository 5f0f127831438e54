package mx.gob.dif.common.rest;

import java.sql.SQLException;
import java.util.Set;

/**
 * Two requests that raced for the same unique data (the same CURP, the same case enrolled twice, two
 * first imports of one plan) or changed the same row at once: the loser's error, wherever the
 * persistence layer threw it (at flush, at commit, wrapped by the transaction manager), is a 409.
 * Matched on the SQLSTATE and on class names rather than on the classes themselves because the
 * gateway shares this module without a database or JPA on its classpath.
 */
final class Races {
    /** unique_violation; serialization_failure and deadlock_detected, which a retry resolves. */
    private static final Set<String> SQL_STATES = Set.of("23505", "40001", "40P01");
    /** A row changed by another transaction since it was read (a {@code @Version} check). */
    private static final Set<String> STALE = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleObjectStateException", "org.hibernate.StaleStateException");

    private Races() {
    }

    static boolean lost(Throwable e) {
        return Causes.any(e, c -> c instanceof SQLException sql && SQL_STATES.contains(sql.getSQLState())
                || STALE.contains(c.getClass().getName()));
    }
}
