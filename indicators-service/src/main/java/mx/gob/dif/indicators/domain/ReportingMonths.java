package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The reporting cycle's rules (issue 15). A unit is due to report a month for each target of the plan it reports
 * against whose calendar includes the month (an empty calendar is every month); COMPOSITE targets (sums of others) and
 * targets counted from case events are not reported by hand, so they are never due. A month's reports are on time when
 * received by the end of its deadline, day {@code deadlineDay} of the next month in the platform's time zone.
 */
public final class ReportingMonths {
    private ReportingMonths() {
    }

    /** Whether a target with this method, case metric and calendar is due in the month (1..12). */
    public static boolean due(MeasurementMethod method, String caseMetric, List<Integer> calendar, int month) {
        if (method == MeasurementMethod.COMPOSITE || caseMetric != null) {
            return false;
        }
        return calendar == null || calendar.isEmpty() || calendar.contains(month);
    }

    /** Day {@code deadlineDay} (1..28, so every month has it) of the month after {@code month}. */
    public static LocalDate deadline(YearMonth month, int deadlineDay) {
        if (deadlineDay < 1 || deadlineDay > 28) {
            throw new IllegalArgumentException("deadline day must be 1..28, not " + deadlineDay);
        }
        return month.plusMonths(1).atDay(deadlineDay);
    }

    /** The first instant after the deadline day, in the zone: a report received before it is on time. */
    public static OffsetDateTime lateFrom(YearMonth month, int deadlineDay, ZoneId zone) {
        return deadline(month, deadlineDay).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /** reported / due × 100, 2 decimals half-up, no trailing zeros; null when nothing is due. */
    public static BigDecimal rate(int reported, int due) {
        return due == 0 ? null : Aggregation.plain(BigDecimal.valueOf(100L * reported).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP));
    }
}
