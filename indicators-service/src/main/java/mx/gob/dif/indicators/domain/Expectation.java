package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * What should have been reached by the end of the period (or by today, if the period is not over),
 * from the program's calendar, and the traffic light against it.
 * <ul>
 * <li>Cumulative methods (SUM, MAX_QUARTER_SUM, MAX_SEMESTER_SUM, COMPOSITE) expect
 * target × (calendar months of the period up to min(period end, today's month) / calendar months of the
 * year), two decimals half-up. Only the period's own months count because the period's value only sums
 * those months: for a year or year-to-date that is January onwards; for Q2 it is the share of Q2.
 * The current month counts as due: reports of the month are expected during the month.</li>
 * <li>Level methods (MAX_QUARTER_MAX, AVERAGE, LAST) expect the full target once one calendar month of
 * the period is due, else 0.</li>
 * <li>An empty calendar means every month. Status: value / expected × 100 against the thresholds
 * (GREEN ≥ green, YELLOW ≥ yellow, else RED); nothing expected yet → GREEN.</li>
 * <li>A target with a monthly schedule (12 quantities, January..December) follows it instead of the even
 * spread: cumulative methods expect the sum of the scheduled quantities of the period's due months (the
 * same months as above, calendar or not: the schedule says when); level methods expect the scheduled level
 * of the latest due month of the period that has one (a non-zero entry), else 0 — a level planned for March
 * is still the level expected in May when nothing is scheduled for April and May.</li>
 * </ul>
 */
public final class Expectation {
    public enum Status { GREEN, YELLOW, RED }

    public record Thresholds(BigDecimal green, BigDecimal yellow) {
        public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("90"), new BigDecimal("70"));
    }

    private Expectation() {
    }

    public static BigDecimal expected(BigDecimal target, MeasurementMethod method, List<Integer> calendarMonths, Period p, LocalDate today) {
        return expected(target, method, calendarMonths, null, p, today);
    }

    /** As {@link #expected(BigDecimal, MeasurementMethod, List, Period, LocalDate)}, following {@code schedule} when it is not null. */
    public static BigDecimal expected(BigDecimal target, MeasurementMethod method, List<Integer> calendarMonths, List<BigDecimal> schedule,
                                      Period p, LocalDate today) {
        if (target == null) {
            return null;
        }
        final int upTo = lastDueMonth(p, today);
        if (schedule != null) {
            return scheduled(method, schedule, p.firstMonth(), upTo);
        }
        List<Integer> months = calendarMonths == null || calendarMonths.isEmpty() ? List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) : calendarMonths;
        long elapsed = months.stream().distinct().filter(m -> m >= p.firstMonth() && m <= upTo).count();
        if (!method.cumulative()) {
            return elapsed > 0 ? target : BigDecimal.ZERO;
        }
        long inYear = months.stream().distinct().count();
        return Aggregation.plain(target.multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(inYear), 2, RoundingMode.HALF_UP));
    }

    /** The last month of the period that is due by today (0 when none is: the year has not started). */
    private static int lastDueMonth(Period p, LocalDate today) {
        if (today.getYear() < p.year()) {
            return 0;
        }
        return today.getYear() == p.year() ? Math.min(p.lastMonth(), today.getMonthValue()) : p.lastMonth();
    }

    /** Months {@code from..upTo} of a 12-entry schedule: their sum (cumulative) or the latest non-zero level. */
    private static BigDecimal scheduled(MeasurementMethod method, List<BigDecimal> schedule, int from, int upTo) {
        if (schedule.size() != 12) {
            throw new IllegalArgumentException("a schedule has 12 monthly quantities, not " + schedule.size());
        }
        if (method.cumulative()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int m = from; m <= upTo; m++) {
                sum = sum.add(schedule.get(m - 1));
            }
            return Aggregation.plain(sum.setScale(2, RoundingMode.HALF_UP));
        }
        for (int m = upTo; m >= from; m--) {
            if (schedule.get(m - 1).signum() != 0) {
                return Aggregation.plain(schedule.get(m - 1));
            }
        }
        return BigDecimal.ZERO;
    }

    /** GREEN at or above the green share of what was expected, YELLOW at or above the yellow share, else RED. */
    public static Status status(BigDecimal value, BigDecimal expected, Thresholds t) {
        if (expected == null || expected.signum() == 0) {
            return Status.GREEN;
        }
        BigDecimal share = value.multiply(BigDecimal.valueOf(100)).divide(expected, 4, RoundingMode.HALF_UP);
        if (share.compareTo(t.green()) >= 0) {
            return Status.GREEN;
        }
        return share.compareTo(t.yellow()) >= 0 ? Status.YELLOW : Status.RED;
    }
}
