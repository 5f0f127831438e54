package mx.gob.dif.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurpTest {

    /** Fictitious CURPs built with the real rule; the first is the issue's own example. */
    private static String withCheckDigit(String first17) {
        return first17 + Curp.checkDigit(first17);
    }

    @Test
    void theIssuesExampleIsValidAndDecoded() {
        Curp c = Curp.parse("AAPR630321HDFLRC09").orElseThrow();
        assertEquals(LocalDate.of(1963, 3, 21), c.birthDate());
        assertEquals('H', c.sex());
        assertEquals("DF", c.state());
        assertTrue(Curp.problems("AAPR630321HDFLRC09").isEmpty());
    }

    @Test
    void typedInLowerCaseWithSpacesIsNormalized() {
        assertEquals("AAPR630321HDFLRC09", Curp.parse("  aapr630321hdflrc09 ").orElseThrow().value());
    }

    @Test
    void checkDigitFollowsTheRenapoRule() {
        // Σ value × (18 − i) over the first 17 characters, check = (10 − sum mod 10) mod 10
        String first17 = "AAPR630321HDFLRC0";
        String alphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * (18 - i);
        }
        assertEquals((10 - sum % 10) % 10, Curp.checkDigit(first17));
        assertEquals(9, Curp.checkDigit(first17));
    }

    @Test
    void everyWrongCheckDigitIsRejectedWithTheRightOneNamed() {
        for (int d = 0; d <= 9; d++) {
            String curp = "AAPR630321HDFLRC0" + d;
            List<String> problems = Curp.problems(curp);
            if (d == 9) {
                assertTrue(problems.isEmpty());
            } else {
                assertEquals(1, problems.size(), curp);
                assertTrue(problems.get(0).contains("dígito verificador") && problems.get(0).contains("debería ser 9"), problems.get(0));
            }
        }
    }

    @Test
    void aLetterAtPosition17MeansBornFrom2000On() {
        String curp = withCheckDigit("MOPE150812MDGRRLA");
        Curp c = Curp.parse(curp).orElseThrow();
        assertEquals(LocalDate.of(2015, 8, 12), c.birthDate());
        assertEquals('M', c.sex());
        assertEquals("DG", c.state());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAPR630231HDFLRC0", "AAPR631301HDFLRC0", "AAPR630000HDFLRC0", "AAPR010229HDFLRCA"})
    void impossibleDatesAreRejected(String first17) {
        List<String> problems = Curp.problems(withCheckDigit(first17));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("no es una fecha real"), problems.get(0));
    }

    @Test
    void leapDayIsARealDateInALeapYear() {
        assertTrue(Curp.problems(withCheckDigit("AAPR000229HDFLRCA")).isEmpty());
    }

    @Test
    void sexMustBeHOrM() {
        List<String> problems = Curp.problems(withCheckDigit("AAPR630321XDFLRC0"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("sexo"), problems.get(0));
    }

    @Test
    void stateMustBeARenapoCodeOrBornAbroad() {
        List<String> problems = Curp.problems(withCheckDigit("AAPR630321HXXLRC0"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("entidad"), problems.get(0));
        assertTrue(Curp.problems(withCheckDigit("AAPR630321HNELRC0")).isEmpty(), "NE = nacido en el extranjero");
        for (String state : Curp.STATES) {
            assertTrue(Curp.problems(withCheckDigit("AAPR630321H" + state + "LRC0")).isEmpty(), state);
        }
        assertEquals(33, Curp.STATES.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AAPR630321HDFLRC0", "AAPR630321HDFLRC091", "1APR630321HDFLRC09", "AAPR6303X1HDFLRC09",
            "AAPR630321HDF1RC09", "AAPR630321HDFLRC0A", "AAPR630321HDFLR-09"})
    void wrongFormatsAreRejectedWithOneClearMessage(String curp) {
        List<String> problems = Curp.problems(curp);
        assertEquals(1, problems.size(), curp + " → " + problems);
        assertFalse(Curp.parse(curp).isPresent());
    }

    @Test
    void nullIsEmpty() {
        assertEquals(List.of("La CURP está vacía."), Curp.problems(null));
    }

    @Test
    void severalProblemsAreAllReported() {
        // impossible date, bad sex, bad state and wrong check digit at once
        List<String> problems = Curp.problems("AAPR631340XQQLRC01");
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void toStringNeverShowsTheCurp() {
        assertFalse(Curp.parse("AAPR630321HDFLRC09").orElseThrow().toString().contains("AAPR"));
    }
}
