package mx.gob.dif.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hand-computed examples: Jan 10, Feb 20, Apr 5, Jul 7 (and Mar reported with 0). */
class AggregationTest {
    private static MonthValues sample() {
        return new MonthValues().add(1, bd("10"), 1).add(2, bd("12"), 1).add(2, bd("8"), 1)
                .add(3, bd("0"), 1).add(4, bd("5"), 1).add(7, bd("7"), 1);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest(name = "{0} over {1} = {2}")
    @CsvSource({
            "SUM, 2021, 42", "SUM, 2021-Q1, 30", "SUM, 2021-S1, 35", "SUM, 2021-02, 20", "SUM, 2021-S2, 7", "SUM, 2021-Q4, 0",
            "MAX_QUARTER_MAX, 2021, 20", "MAX_QUARTER_MAX, 2021-Q2, 5", "MAX_QUARTER_MAX, 2021-S2, 7",
            "MAX_QUARTER_SUM, 2021, 32", "MAX_QUARTER_SUM, 2021-S1, 25", "MAX_QUARTER_SUM, 2021-03, 0",
            "MAX_SEMESTER_SUM, 2021, 27", "MAX_SEMESTER_SUM, 2021-Q1, 20",
            "AVERAGE, 2021, 8.4", "AVERAGE, 2021-Q1, 10", "AVERAGE, 2021-Q3, 7", "AVERAGE, 2021-Q4, 0",
            "LAST, 2021, 7", "LAST, 2021-Q1, 0", "LAST, 2021-S1, 5", "LAST, 2021-Q4, 0",
            "SUM, 2021-YTD-2021-04-30, 35"
    })
    void everyMethodOverEveryKindOfPeriod(String method, String period, String expected) {
        BigDecimal v = Aggregation.value(MeasurementMethod.valueOf(method), sample(), Period.parse(period));
        assertEquals(0, bd(expected).compareTo(v), method + " " + period + " was " + v);
    }

    @Test
    void aMonthReportedAsZeroStillCountsForAverageAndLast() {
        MonthValues v = new MonthValues().add(1, bd("9"), 1).add(2, bd("0"), 2);
        assertEquals(0, bd("4.5").compareTo(Aggregation.value(MeasurementMethod.AVERAGE, v, Period.parse("2021"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(Aggregation.value(MeasurementMethod.LAST, v, Period.parse("2021"))));
    }

    @Test
    void averageRoundsHalfUpAtFourPlaces() {
        MonthValues v = new MonthValues().add(1, bd("1"), 1).add(2, bd("1"), 1).add(3, bd("0"), 1);
        assertEquals(bd("0.6667"), Aggregation.value(MeasurementMethod.AVERAGE, v, Period.parse("2021")));
    }

    @Test
    void rollUpAppliesTheMethodPerUnitThenSums() {
        MonthValues a = new MonthValues().add(1, bd("10"), 1).add(2, bd("3"), 1);
        MonthValues b = new MonthValues().add(1, bd("1"), 1).add(2, bd("30"), 1);
        // max per unit (10, 30) summed = 40, not the max of the summed months (33)
        assertEquals(0, bd("40").compareTo(Aggregation.rollUp(MeasurementMethod.MAX_QUARTER_MAX, List.of(a, b), Period.parse("2021"))));
    }

    @Test
    void percentAndProgramMean() {
        assertEquals(bd("265.00"), Aggregation.percent(bd("212"), bd("80")));
        assertEquals(bd("33.33"), Aggregation.percent(bd("1"), bd("3")));
        assertNull(Aggregation.percent(bd("5"), BigDecimal.ZERO));
        assertEquals(bd("50.00"), Aggregation.mean(java.util.Arrays.asList(bd("25"), bd("75"), null)));
        assertNull(Aggregation.mean(List.of()));
        assertEquals(0, bd("12").compareTo(Aggregation.composite(List.of(bd("5"), bd("7")))));
    }

    @Test
    void periodsParseAndRejectWithSpanishMessages() {
        assertEquals(new Period("2021-Q3", 2021, 7, 9), Period.parse("2021-q3"));
        assertEquals(new Period("2021-S2", 2021, 7, 12), Period.parse("2021-S2"));
        assertEquals(new Period("2021-YTD-2021-05-15", 2021, 1, 5), Period.parse("2021-05-15"));
        assertEquals(12, Period.parse("2021-12").firstMonth());
        for (String bad : List.of("2021-13", "2021-Q5", "21", "2021-S3", "2021-02-30", "anual", "2021-YTD-2022-01-01")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(bad), bad);
            assertEquals(true, e.getMessage().matches(".*[a-záéíóú].*"));
        }
    }

    @Test
    void expectationFollowsTheCalendarAndTheTrafficLightThresholds() {
        LocalDate after = LocalDate.of(2022, 1, 1);
        List<Integer> quarterly = List.of(3, 6, 9, 12);
        assertEquals(0, bd("50").compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, quarterly, Period.parse("2021-S1"), after)));
        assertEquals(0, bd("25").compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, quarterly, Period.parse("2021-05"), after)));
        assertEquals(0, bd("100").compareTo(Expectation.expected(bd("100"), MeasurementMethod.AVERAGE, quarterly, Period.parse("2021-03"), after)));
        assertEquals(0, BigDecimal.ZERO.compareTo(Expectation.expected(bd("100"), MeasurementMethod.LAST, quarterly, Period.parse("2021-02"), after)));
        // a period not over yet: expected by today
        assertEquals(0, bd("50").compareTo(Expectation.expected(bd("120"), MeasurementMethod.SUM, List.of(), Period.parse("2021"),
                LocalDate.of(2021, 5, 10))));
        var t = Expectation.Thresholds.DEFAULT;
        assertEquals(Expectation.Status.GREEN, Expectation.status(bd("45"), bd("50"), t));
        assertEquals(Expectation.Status.YELLOW, Expectation.status(bd("35"), bd("50"), t));
        assertEquals(Expectation.Status.RED, Expectation.status(bd("34.9"), bd("50"), t));
        assertEquals(Expectation.Status.GREEN, Expectation.status(BigDecimal.ZERO, BigDecimal.ZERO, t));
    }
}
