package mx.gob.dif.indicators.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is due, the deadline of a month and the rate: the reporting cycle's rules. */
class ReportingMonthsTest {

    @Test
    void aTargetIsDueInTheMonthsOfItsCalendarUnlessNobodyReportsItByHand() {
        assertTrue(ReportingMonths.due(MeasurementMethod.SUM, null, List.of(), 7));
        assertTrue(ReportingMonths.due(MeasurementMethod.LAST, null, List.of(3, 6, 9, 12), 6));
        assertFalse(ReportingMonths.due(MeasurementMethod.SUM, null, List.of(3, 6, 9, 12), 5));
        assertFalse(ReportingMonths.due(MeasurementMethod.COMPOSITE, null, List.of(), 5), "a sum of other targets");
        assertFalse(ReportingMonths.due(MeasurementMethod.SUM, "CASES_ATTENDED", List.of(), 5), "counted from case events");
    }

    @Test
    void theDeadlineIsTheConfiguredDayOfTheNextMonthToItsLastMinute() {
        assertEquals(LocalDate.of(2024, 4, 10), ReportingMonths.deadline(YearMonth.of(2024, 3), 10));
        assertEquals(LocalDate.of(2025, 1, 10), ReportingMonths.deadline(YearMonth.of(2024, 12), 10));
        assertEquals(LocalDate.of(2024, 3, 28), ReportingMonths.deadline(YearMonth.of(2024, 2), 28));
        ZoneId mexico = ZoneId.of("America/Mexico_City");
        OffsetDateTime late = ReportingMonths.lateFrom(YearMonth.of(2023, 4), 10, mexico);
        assertEquals(OffsetDateTime.parse("2023-05-11T00:00-06:00").toInstant(), late.toInstant());
        assertTrue(OffsetDateTime.parse("2023-05-10T23:59:59-06:00").isBefore(late));
        for (int bad : new int[]{0, 29, 31}) {
            assertThrows(IllegalArgumentException.class, () -> ReportingMonths.deadline(YearMonth.of(2024, 1), bad));
        }
    }

    @Test
    void theRateIsReportedOverDueAndNullWhenNothingIsDue() {
        assertEquals(new BigDecimal("66.67"), ReportingMonths.rate(2, 3));
        assertEquals(new BigDecimal("100"), ReportingMonths.rate(4, 4));
        assertEquals(BigDecimal.ZERO, ReportingMonths.rate(0, 5));
        assertNull(ReportingMonths.rate(0, 0));
    }
}
