package mx.gob.dif.common.rest;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which errors are a lost race (409), which a database that cannot be reached (503), and which neither (500). */
class ErrorCausesTest {

    @Test
    void aConnectionFailureDeepInTheCausesIsAnOutage() {
        Exception refused = new IllegalStateException(new RuntimeException(new SQLException("Connection refused", "08001")));
        Exception starting = new IllegalStateException(new SQLException("the database system is starting up", "57P03"));
        Exception pool = new IllegalStateException(new SQLException("Acquisition timeout while waiting for new connection"));
        Exception transientConnection = new RuntimeException(new SQLTransientConnectionException("I/O error", "08006"));

        assertTrue(DatabaseOutage.of(refused));
        assertTrue(DatabaseOutage.of(starting));
        assertTrue(DatabaseOutage.of(pool));
        assertTrue(DatabaseOutage.of(transientConnection));
        assertFalse(Races.lost(refused), "an outage is not a lost race");
    }

    @Test
    void aUniqueViolationIsARaceNotAnOutage() {
        Exception duplicate = new RuntimeException("commit failed", new SQLException("duplicate key value", "23505"));
        Exception suppressed = new RuntimeException("flush");
        suppressed.addSuppressed(new SQLException("could not serialize access", "40001"));

        assertTrue(Races.lost(duplicate));
        assertTrue(Races.lost(suppressed));
        assertFalse(DatabaseOutage.of(duplicate));
    }

    @Test
    void otherErrorsAreNeither() {
        Exception tooLong = new RuntimeException(new SQLException("value too long for type character varying(16)", "22001"));
        Exception plain = new NullPointerException();
        Exception cyclic = new RuntimeException();
        Exception other = new RuntimeException(cyclic);
        cyclic.initCause(other);

        for (Exception e : new Exception[]{tooLong, plain, cyclic}) {
            assertFalse(DatabaseOutage.of(e), e.toString());
            assertFalse(Races.lost(e), e.toString());
        }
    }
}
