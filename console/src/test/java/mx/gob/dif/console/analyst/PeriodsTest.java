package mx.gob.dif.console.analyst;

import mx.gob.dif.console.web.InvalidChoice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodsTest {

    @Test
    void aYearAndAPartMakeTheApisPeriod() {
        assertEquals("2021", Periods.period(2021, null));
        assertEquals("2021", Periods.period(2021, " "));
        assertEquals("2021-S2", Periods.period(2021, "S2"));
        assertEquals("2021-Q3", Periods.period(2021, "Q3"));
        assertEquals("2021-03", Periods.period(2021, "03"));
        assertEquals("2021-12", Periods.month("2021-12", "2024-01"));
        assertEquals("2024-01", Periods.month(null, "2024-01"));
        assertEquals(2024, Periods.year(null, 2024));
        assertEquals(2021, Periods.year(" 2021 ", 2024));
    }

    @Test
    void anythingElseIsRefusedWithWhatToChoose() {
        for (String part : new String[]{"Q5", "S3", "13", "3", "00", "2021-03", "Q1'--"}) {
            InvalidChoice e = assertThrows(InvalidChoice.class, () -> Periods.period(2021, part), part);
            assertTrue(e.getMessage().startsWith("Elija el periodo de la lista"), e.getMessage());
        }
        for (String year : new String[]{"21", "1999", "2101", "dos mil", "20211"}) {
            assertThrows(InvalidChoice.class, () -> Periods.year(year, 2024), year);
        }
        for (String month : new String[]{"2021-13", "2021-3", "21-03", "1999-12", "2021-03-01", "marzo"}) {
            assertThrows(InvalidChoice.class, () -> Periods.month(month, "2024-01"), month);
        }
    }

    @Test
    void theSelectorOffersTheYearItsHalvesQuartersAndMonthsWithTheChosenOneSelected() {
        var choices = Periods.choices("2021-Q2");
        assertEquals(19, choices.size());
        assertEquals("Trimestre 2", choices.stream().filter(Periods.Choice::selected).findFirst().orElseThrow().label());
        assertEquals("", choices.get(0).value());
        assertEquals("Año completo de 2021", Periods.label("2021"));
        assertEquals("Marzo de 2021", Periods.label("2021-03"));
        assertEquals("Primer semestre de 2021", Periods.label("2021-S1"));
    }
}
