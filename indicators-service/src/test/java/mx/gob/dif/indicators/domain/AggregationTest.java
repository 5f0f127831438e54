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
        assertEquals(bd("265"), Aggregation.percent(bd("212"), bd("80")));
        assertEquals("100", Aggregation.percent(bd("5"), bd("5")).toPlainString());
        assertEquals("0.01", Aggregation.percent(bd("1"), bd("19999")).toPlainString()); // 0.005000… rounds half up
        assertEquals(bd("33.33"), Aggregation.percent(bd("1"), bd("3")));
        assertNull(Aggregation.percent(bd("5"), BigDecimal.ZERO));
        assertEquals(bd("50"), Aggregation.mean(java.util.Arrays.asList(bd("25"), bd("75"), null)));
        assertNull(Aggregation.mean(List.of()));
        assertEquals(0, bd("12").compareTo(Aggregation.composite(List.of(bd("5"), bd("7")))));
    }

    @Test
    void compositeSumsItsComponentsEachByItsOwnMethodAcrossUnits() {
        MonthValues a1 = new MonthValues().add(1, bd("10"), 1).add(2, bd("20"), 1);
        MonthValues a2 = new MonthValues().add(3, bd("5"), 1);
        MonthValues b1 = new MonthValues().add(1, bd("7"), 1).add(2, bd("3"), 1);
        MonthValues b2 = new MonthValues().add(2, bd("9"), 2);
        java.util.Map<String, MeasurementMethod> methods = java.util.Map.of("A", MeasurementMethod.SUM, "B", MeasurementMethod.MAX_QUARTER_MAX,
                "C", MeasurementMethod.COMPOSITE, "D", MeasurementMethod.COMPOSITE, "X", MeasurementMethod.COMPOSITE);
        java.util.Map<String, List<String>> components = java.util.Map.of("C", List.of("A", "B"), "D", List.of("C", "A"), "X", List.of("A", "X"));
        java.util.Map<String, List<MonthValues>> units = java.util.Map.of("A", List.of(a1, a2), "B", List.of(b1, b2));
        Aggregation.Definitions defs = new Aggregation.Definitions() {
            public MeasurementMethod method(String i) {
                return methods.get(i);
            }

            public List<String> components(String i) {
                return components.getOrDefault(i, List.of());
            }

            public java.util.Collection<MonthValues> units(String i) {
                return units.getOrDefault(i, List.of());
            }
        };
        Period year = Period.parse("2021");
        // A: 30 + 5 = 35; B: max per unit 7 and 9 = 16; C = 51; D = C + A = 86
        assertEquals(0, bd("51").compareTo(Aggregation.rolledUp("C", defs, year)));
        assertEquals(0, bd("86").compareTo(Aggregation.rolledUp("D", defs, year)));
        assertEquals(0, bd("17").compareTo(Aggregation.rolledUp("C", defs, Period.parse("2021-01")))); // A: 10 + 0; B: 7 (10001) + none
        // a composite that names itself counts its other components only
        assertEquals(0, bd("35").compareTo(Aggregation.rolledUp("X", defs, year)));
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
    void aScheduleDeliveredThreeTimesAYearSetsWhatIsExpected() {
        LocalDate after = LocalDate.of(2022, 1, 1);
        // 120 supports: 30 in April, 50 in August, 40 in December
        List<BigDecimal> schedule = List.of(bd("0"), bd("0"), bd("0"), bd("30"), bd("0"), bd("0"), bd("0"), bd("50"), bd("0"), bd("0"),
                bd("0"), bd("40"));
        assertEquals(0, BigDecimal.ZERO.compareTo(Expectation.expected(bd("120"), MeasurementMethod.SUM, List.of(), schedule, Period.parse("2021-Q1"), after)));
        assertEquals(0, bd("30").compareTo(Expectation.expected(bd("120"), MeasurementMethod.SUM, List.of(), schedule, Period.parse("2021-Q2"), after)));
        assertEquals(0, bd("80").compareTo(Expectation.expected(bd("120"), MeasurementMethod.SUM, List.of(), schedule, Period.parse("2021-YTD-2021-09-30"), after)));
        assertEquals(0, bd("120").compareTo(Expectation.expected(bd("120"), MeasurementMethod.MAX_QUARTER_SUM, List.of(), schedule, Period.parse("2021"), after)));
        // by mid-May of the year only April's 30 are due (the even spread would expect 50)
        assertEquals(0, bd("30").compareTo(Expectation.expected(bd("120"), MeasurementMethod.SUM, List.of(), schedule, Period.parse("2021"),
                LocalDate.of(2021, 5, 15))));
        // a level: the latest level scheduled by then
        assertEquals(0, bd("50").compareTo(Expectation.expected(bd("120"), MeasurementMethod.LAST, List.of(), schedule, Period.parse("2021-S2"),
                LocalDate.of(2021, 10, 2))));
        assertEquals(0, BigDecimal.ZERO.compareTo(Expectation.expected(bd("120"), MeasurementMethod.AVERAGE, List.of(), schedule,
                Period.parse("2021-Q1"), after)));
    }

    @Test
    void expectationFollowsTheCalendarAndTheTrafficLightThresholds() {
        LocalDate after = LocalDate.of(2022, 1, 1);
        List<Integer> quarterly = List.of(3, 6, 9, 12);
        assertEquals(0, bd("50").compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, quarterly, Period.parse("2021-S1"), after)));
        // only the period's own calendar months: nothing is scheduled in May, a quarter of it in Q2
        assertEquals(0, BigDecimal.ZERO.compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, quarterly, Period.parse("2021-05"), after)));
        assertEquals(0, bd("25").compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, quarterly, Period.parse("2021-Q2"), after)));
        assertEquals(0, bd("25").compareTo(Expectation.expected(bd("100"), MeasurementMethod.MAX_QUARTER_SUM, quarterly, Period.parse("2021-06"), after)));
        assertEquals(0, bd("75").compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, quarterly, Period.parse("2021-YTD-2021-09-30"), after)));
        assertEquals(bd("33.33"), Expectation.expected(bd("100"), MeasurementMethod.SUM, List.of(1, 5, 9), Period.parse("2021-Q1"), after));
        assertEquals(0, bd("66.67").compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, List.of(1, 5, 9), Period.parse("2021-S1"), after)));
        // level methods: the full target as soon as one calendar month of the period is due
        assertEquals(0, bd("100").compareTo(Expectation.expected(bd("100"), MeasurementMethod.AVERAGE, quarterly, Period.parse("2021-03"), after)));
        assertEquals(0, bd("100").compareTo(Expectation.expected(bd("100"), MeasurementMethod.MAX_QUARTER_MAX, quarterly, Period.parse("2021"), after)));
        assertEquals(0, BigDecimal.ZERO.compareTo(Expectation.expected(bd("100"), MeasurementMethod.LAST, quarterly, Period.parse("2021-02"), after)));
        // before the year starts nothing is expected; during it, the months up to today's
        assertEquals(0, BigDecimal.ZERO.compareTo(Expectation.expected(bd("100"), MeasurementMethod.SUM, List.of(), Period.parse("2021"),
                LocalDate.of(2020, 12, 31))));
        assertEquals(0, BigDecimal.ZERO.compareTo(Expectation.expected(bd("100"), MeasurementMethod.AVERAGE, quarterly, Period.parse("2021"),
                LocalDate.of(2021, 2, 28))));
        assertEquals(0, bd("10").compareTo(Expectation.expected(bd("120"), MeasurementMethod.SUM, List.of(), Period.parse("2021-Q2"),
                LocalDate.of(2021, 4, 2))));
        // a period not over yet: expected by today
        assertEquals(0, bd("50").compareTo(Expectation.expected(bd("120"), MeasurementMethod.SUM, List.of(), Period.parse("2021"),
                LocalDate.of(2021, 5, 10))));
        var t = Expectation.Thresholds.DEFAULT;
        assertEquals(Expectation.Status.GREEN, Expectation.status(bd("45"), bd("50"), t));
        assertEquals(Expectation.Status.YELLOW, Expectation.status(bd("35"), bd("50"), t));
        assertEquals(Expectation.Status.RED, Expectation.status(bd("34.9"), bd("50"), t));
        assertEquals(Expectation.Status.GREEN, Expectation.status(BigDecimal.ZERO, BigDecimal.ZERO, t));
        assertEquals(Expectation.Status.GREEN, Expectation.status(bd("300"), bd("50"), t)); // over-achievement
        var strict = new Expectation.Thresholds(bd("100"), bd("95"));
        assertEquals(Expectation.Status.YELLOW, Expectation.status(bd("48"), bd("50"), strict));
        assertEquals(Expectation.Status.RED, Expectation.status(bd("47"), bd("50"), strict));
    }
}
