package mx.gob.dif.cases.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SpanishTextTest {

    @Test
    void longDatesAreSpelledInSpanish() {
        assertEquals("14 de marzo de 2021", SpanishText.longDate(LocalDate.of(2021, 3, 14)));
        assertEquals("1 de septiembre de 2026", SpanishText.longDate(LocalDate.of(2026, 9, 1)));
        assertEquals("Durango, Dgo., a 14 de marzo de 2021",
                SpanishText.placeAndDate("Durango, Dgo.", LocalDate.of(2021, 3, 14)));
        assertEquals("14 de marzo de 2021", SpanishText.placeAndDate("  ", LocalDate.of(2021, 3, 14)));
        assertEquals("05/01/2021", SpanishText.shortDate(LocalDate.of(2021, 1, 5)));
        assertEquals("diciembre de 2020", SpanishText.monthAndYear(YearMonth.of(2020, 12)));
        assertEquals("Diciembre de 2020", SpanishText.capitalizedMonthAndYear(YearMonth.of(2020, 12)));
    }

    @Test
    void keysIgnoreCaseAccentsAndSpacing() {
        assertEquals("edad minima", SpanishText.key("  Edad_MÍNIMA "));
        assertEquals("area de servicio", SpanishText.key("Área  de servicio"));
        assertEquals("organizacion", SpanishText.key("ORGANIZACIÓN"));
        assertEquals("", SpanishText.key(null));
    }
}
