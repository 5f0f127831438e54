package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * What should have been reached by the end of the period (or by today, if the period is not over),
 * from the program's calendar, and the traffic light against it.
 * Cumulative methods expect target × (calendar months elapsed / calendar months of the year);
 * level methods (a maximum, an average, a last value) expect the full target once any calendar
 * month has elapsed.
 */
public final class Expectation {
    public enum Status { GREEN, YELLOW, RED }

    public record Thresholds(BigDecimal green, BigDecimal yellow) {
        public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("90"), new BigDecimal("70"));
    }

    private Expectation() {
    }

    public static BigDecimal expected(BigDecimal target, MeasurementMethod method, List<Integer> calendarMonths, Period p, LocalDate today) {
        if (target == null) {
            return null;
        }
        List<Integer> months = calendarMonths == null || calendarMonths.isEmpty() ? List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) : calendarMonths;
        int lastMonth = p.lastMonth();
        if (today.getYear() < p.year()) {
            lastMonth = 0;
        } else if (today.getYear() == p.year()) {
            lastMonth = Math.min(lastMonth, today.getMonthValue());
        }
        final int upTo = lastMonth;
        long elapsed = months.stream().filter(m -> m <= upTo).count();
        if (!method.cumulative()) {
            return elapsed > 0 ? target : BigDecimal.ZERO;
        }
        return target.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(months.size()), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
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
