package mx.gob.dif.indicators.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The aggregation rules against an independent brute force over individual reports, on random
 * reports, methods and periods: the brute force reads the method table of ARCHITECTURE.md literally.
 */
class AggregationPropertiesTest {

    record Report(int unit, int month, BigDecimal quantity) {
    }

    @Provide
    Arbitrary<List<Report>> reports() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 12),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(2))
                .as(Report::new).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> periods() {
        return Arbitraries.of("2021", "2021-S1", "2021-S2", "2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4",
                "2021-01", "2021-02", "2021-06", "2021-07", "2021-12", "2021-YTD-2021-08-31", "2021-YTD-2021-02-01");
    }

    @Property(tries = 400)
    void everyMethodMatchesTheBruteForceAndRollsUpAsASumOfUnits(@ForAll("reports") List<Report> reports,
                                                               @ForAll("periods") String periodText,
                                                               @ForAll MeasurementMethod method) {
        if (method == MeasurementMethod.COMPOSITE) {
            return;
        }
        Period p = Period.parse(periodText);
        List<MonthValues> units = new ArrayList<>();
        BigDecimal expectedRollUp = BigDecimal.ZERO;
        for (int u = 0; u < 4; u++) {
            MonthValues mv = new MonthValues();
            List<Report> mine = new ArrayList<>();
            for (Report r : reports) {
                if (r.unit() == u) {
                    mv.add(r.month(), r.quantity(), 1);
                    mine.add(r);
                }
            }
            units.add(mv);
            BigDecimal brute = brute(method, mine, p);
            assertEquals(0, brute.compareTo(Aggregation.value(method, mv, p)), method + " " + p + " unit " + u);
            expectedRollUp = expectedRollUp.add(brute);
        }
        assertEquals(0, expectedRollUp.compareTo(Aggregation.rollUp(method, units, p)));
    }

    @Property(tries = 300)
    void compositeIsTheSumOfItsComponentsEachByItsOwnMethod(@ForAll("reports") List<Report> first, @ForAll("reports") List<Report> second,
                                                            @ForAll("periods") String periodText,
                                                            @ForAll MeasurementMethod m1, @ForAll MeasurementMethod m2) {
        if (m1 == MeasurementMethod.COMPOSITE || m2 == MeasurementMethod.COMPOSITE) {
            return;
        }
        Period p = Period.parse(periodText);
        java.util.Map<String, List<MonthValues>> units = java.util.Map.of("A", byUnit(first), "B", byUnit(second));
        Aggregation.Definitions defs = new Aggregation.Definitions() {
            public MeasurementMethod method(String i) {
                return switch (i) {
                    case "A" -> m1;
                    case "B" -> m2;
                    default -> MeasurementMethod.COMPOSITE;
                };
            }

            public List<String> components(String i) {
                return "C".equals(i) ? List.of("A", "B") : List.of();
            }

            public java.util.Collection<MonthValues> units(String i) {
                return units.getOrDefault(i, List.of());
            }
        };
        BigDecimal brute = BigDecimal.ZERO;
        for (int u = 0; u < 4; u++) {
            final int unit = u;
            brute = brute.add(brute(m1, first.stream().filter(r -> r.unit() == unit).toList(), p))
                    .add(brute(m2, second.stream().filter(r -> r.unit() == unit).toList(), p));
        }
        assertEquals(0, brute.compareTo(Aggregation.rolledUp("C", defs, p)), m1 + "+" + m2 + " " + p);
    }

    @Property(tries = 500)
    void expectationCountsTheCalendarMonthsOfThePeriodThatAreDue(@ForAll("periods") String periodText, @ForAll MeasurementMethod method,
                                                               @ForAll("calendars") List<Integer> calendar,
                                                               @ForAll("days") java.time.LocalDate today) {
        Period p = Period.parse(periodText);
        BigDecimal target = new BigDecimal("1234.5");
        List<Integer> cal = calendar.isEmpty() ? List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) : calendar.stream().distinct().toList();
        int due = 0;
        for (int m : cal) {
            java.time.LocalDate monthStart = java.time.LocalDate.of(p.year(), m, 1);
            if (p.contains(m) && !monthStart.isAfter(today)) {
                due++;
            }
        }
        BigDecimal expected = Expectation.expected(target, method, calendar, p, today);
        if (method.cumulative()) {
            BigDecimal exact = target.multiply(BigDecimal.valueOf(due)).divide(BigDecimal.valueOf(cal.size()), 10, RoundingMode.HALF_UP);
            assertEquals(0, exact.setScale(2, RoundingMode.HALF_UP).compareTo(expected), method + " " + p + " " + cal + " " + today);
        } else {
            assertEquals(0, (due > 0 ? target : BigDecimal.ZERO).compareTo(expected), method + " " + p + " " + cal + " " + today);
        }
        // the light: a value at exactly the expectation is always GREEN
        assertEquals(Expectation.Status.GREEN, Expectation.status(expected, expected, Expectation.Thresholds.DEFAULT));
    }

    /**
     * A schedule replaces the even spread: cumulative methods expect the scheduled quantities of the period's months that
     * have begun by today; level methods the level scheduled for the latest such month that has one. Brute force: walk
     * the months of the year by date.
     */
    @Property(tries = 500)
    void aScheduleIsFollowedMonthByMonth(@ForAll("periods") String periodText, @ForAll MeasurementMethod method,
                                         @ForAll("calendars") List<Integer> calendar, @ForAll("schedules") List<BigDecimal> schedule,
                                         @ForAll("days") java.time.LocalDate today) {
        Period p = Period.parse(periodText);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal level = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            boolean due = p.contains(m) && !java.time.LocalDate.of(p.year(), m, 1).isAfter(today);
            if (due) {
                sum = sum.add(schedule.get(m - 1));
                level = schedule.get(m - 1).signum() > 0 ? schedule.get(m - 1) : level;
            }
        }
        BigDecimal want = method.cumulative() ? sum.setScale(2, RoundingMode.HALF_UP) : level;
        BigDecimal got = Expectation.expected(new BigDecimal("1234.5"), method, calendar, schedule, p, today);
        assertEquals(0, want.compareTo(got), method + " " + p + " " + schedule + " " + today + " was " + got);
        // no schedule: exactly the calendar's even spread, as before
        assertEquals(Expectation.expected(new BigDecimal("1234.5"), method, calendar, p, today),
                Expectation.expected(new BigDecimal("1234.5"), method, calendar, null, p, today));
    }

    @Provide
    Arbitrary<List<BigDecimal>> schedules() {
        Arbitrary<BigDecimal> quantity = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(3));
        return quantity.list().ofSize(12);
    }

    @Provide
    Arbitrary<List<Integer>> calendars() {
        return Arbitraries.integers().between(1, 12).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<java.time.LocalDate> days() {
        return Arbitraries.integers().between(0, 3 * 366).map(d -> java.time.LocalDate.of(2020, 1, 1).plusDays(d));
    }

    private static List<MonthValues> byUnit(List<Report> reports) {
        List<MonthValues> out = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            MonthValues mv = new MonthValues();
            for (Report r : reports) {
                if (r.unit() == u) {
                    mv.add(r.month(), r.quantity(), 1);
                }
            }
            out.add(mv);
        }
        return out;
    }

    /** Straight from the table: month value = sum of the reports of that month. */
    private static BigDecimal brute(MeasurementMethod method, List<Report> reports, Period p) {
        List<Integer> monthsWithReports = new ArrayList<>();
        for (int m = p.firstMonth(); m <= p.lastMonth(); m++) {
            final int month = m;
            if (reports.stream().anyMatch(r -> r.month() == month)) {
                monthsWithReports.add(m);
            }
        }
        switch (method) {
            case SUM:
                return reports.stream().filter(r -> p.contains(r.month())).map(Report::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE: {
                if (monthsWithReports.isEmpty()) {
                    return BigDecimal.ZERO;
                }
                BigDecimal total = reports.stream().filter(r -> p.contains(r.month())).map(Report::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                return total.divide(BigDecimal.valueOf(monthsWithReports.size()), 4, RoundingMode.HALF_UP);
            }
            case LAST: {
                if (monthsWithReports.isEmpty()) {
                    return BigDecimal.ZERO;
                }
                int last = monthsWithReports.get(monthsWithReports.size() - 1);
                return monthValue(reports, last);
            }
            default: {
                int size = method == MeasurementMethod.MAX_SEMESTER_SUM ? 6 : 3;
                List<BigDecimal> blockMaxima = new ArrayList<>();
                for (int start = 1; start <= 12; start += size) {
                    BigDecimal max = null;
                    for (int m : monthsWithReports) {
                        if (m >= start && m < start + size) {
                            BigDecimal v = monthValue(reports, m);
                            max = max == null || v.compareTo(max) > 0 ? v : max;
                        }
                    }
                    if (max != null) {
                        blockMaxima.add(max);
                    }
                }
                if (method == MeasurementMethod.MAX_QUARTER_MAX) {
                    return blockMaxima.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
                }
                return blockMaxima.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            }
        }
    }

    private static BigDecimal monthValue(List<Report> reports, int month) {
        return reports.stream().filter(r -> r.month() == month).map(Report::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
