package mx.gob.dif.cases.service;

import mx.gob.dif.common.rest.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dates of a request body (found in the hostile-input corpus: a birth date in year 999,999,999 answered 500). */
class ChecksTest {

    @Test
    void aDateOutsideTheYearsTheDatabaseKeepsIsAFieldErrorNotACrash() {
        Checks checks = new Checks();
        assertNull(checks.date("birthDate", "+999999999-12-31", false, true));
        ProblemException e = assertThrows(ProblemException.class, () -> checks.orThrow("El beneficiario tiene errores"));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("fuera del rango admitido"), e.getMessage());
    }

    @Test
    void datesWithinTheRangeAreRead() {
        Checks checks = new Checks();
        assertEquals(LocalDate.of(1900, 1, 1), checks.date("birthDate", "1900-01-01", true, true));
        assertEquals(LocalDate.of(2100, 12, 31), checks.date("dueOn", "2100-12-31", true, false));
        checks.orThrow("sin errores");
    }
}
