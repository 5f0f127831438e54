package mx.gob.dif.common.rest;

import java.sql.SQLException;

/**
 * The database could not be reached (down, restarting, frozen until the pool gave up): a transient condition the
 * caller should retry, so a 503, not a 500. Matched on SQLSTATE and class names, like {@link Races}, because the
 * gateway shares this module without a database on its classpath.
 */
final class DatabaseOutage {
    private DatabaseOutage() {
    }

    static boolean of(Throwable e) {
        return Causes.any(e, DatabaseOutage::unreachable);
    }

    private static boolean unreachable(Throwable c) {
        if ("org.hibernate.exception.JDBCConnectionException".equals(c.getClass().getName())) {
            return true;
        }
        if (!(c instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        // 08xxx connection exceptions; 57P01..03 the server is shutting down, crashed or starting; 53300 too many connections
        if (state != null && (state.startsWith("08") || state.startsWith("57P0") || "53300".equals(state))) {
            return true;
        }
        // Agroal's pool gives up waiting for a connection with a plain SQLException and no SQLSTATE
        return state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout");
    }
}
