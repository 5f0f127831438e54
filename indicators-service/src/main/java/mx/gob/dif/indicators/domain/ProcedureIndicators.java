package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The performance indicators of procedure PDG-02 (Gestoría Social, section 9 "Documentación de
 * actividades críticas") over a period, from case counts already summed over the unit's subtree:
 * <ul>
 * <li>referral letters: letters written (REFERRAL_LETTER_ISSUED) / letters requested (REFERRED) × 100;</li>
 * <li>follow-up reports: delivered on time / requested × 100, each counted in the month of its own event;</li>
 * <li>monthly reports: delivered on time / due × 100. One report is due per reporting unit and per
 * calendar month of the period that has ended by {@code today} (the current month is not due yet);
 * the numerator counts each (unit, due month) with at least one on-time report once, so a report
 * sent again never lifts the ratio above 100 %.</li>
 * </ul>
 * Percent = 100 × numerator / denominator, 2 decimals half-up, no trailing zeros; null when the
 * denominator is 0. Over 100 % is reported as is (e.g. letters for referrals of an earlier period).
 */
public final class ProcedureIndicators {
    public static final String PROCEDURE = "PDG-02";

    private ProcedureIndicators() {
    }

    public record Ratio(long numerator, long denominator, BigDecimal percent) {
        public static Ratio of(long numerator, long denominator) {
            if (numerator < 0 || denominator < 0) {
                throw new IllegalArgumentException("negative count");
            }
            BigDecimal percent = denominator == 0 ? null : Aggregation.plain(BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP));
            return new Ratio(numerator, denominator, percent);
        }
    }

    /** {@code counts}: every metric summed over the period's months. */
    public record Result(int monthsDue, int reportingUnits, Ratio referralLetters, Ratio followUpReportsOnTime,
                         Ratio monthlyReportsOnTime, Map<CaseMetric, Long> counts) {
    }

    /**
     * The last month of the period that has ended by {@code today}, or {@code firstMonth - 1} when none
     * has: a month has ended once today is in a later month.
     */
    public static int lastDueMonth(Period p, LocalDate today) {
        if (today.getYear() > p.year()) {
            return p.lastMonth();
        }
        if (today.getYear() < p.year()) {
            return p.firstMonth() - 1;
        }
        return Math.max(p.firstMonth() - 1, Math.min(p.lastMonth(), today.getMonthValue() - 1));
    }

    /** Calendar months of the period that have ended by {@code today}. */
    public static int monthsDue(Period p, LocalDate today) {
        return lastDueMonth(p, today) - p.firstMonth() + 1;
    }

    /**
     * The roll-up over units: counts are summed, and every unit with case events owes its monthly
     * reports (a unit without any, e.g. the one asked for before its first case, still owes them: at
     * least one reporting unit).
     *
     * @param perUnit case counts of the year, one entry per unit of the subtree that has any
     */
    public static Result compute(java.util.Collection<CaseCounts> perUnit, Period p, LocalDate today) {
        CaseCounts total = new CaseCounts();
        long monthlyOnTime = 0;
        int lastDue = lastDueMonth(p, today);
        for (CaseCounts u : perUnit) {
            for (CaseMetric m : CaseMetric.values()) {
                for (int month = 1; month <= 12; month++) {
                    total.add(m, month, u.get(m, month));
                }
            }
            for (int month = p.firstMonth(); month <= lastDue; month++) {
                if (u.get(CaseMetric.MONTHLY_REPORTS_ON_TIME, month) > 0) {
                    monthlyOnTime++;
                }
            }
        }
        return compute(total, p, today, Math.max(1, perUnit.size()), monthlyOnTime);
    }

    /**
     * One unit (or units already summed, each month's on-time monthly reports taken as they are).
     *
     * @param counts         case counts of the year, already summed over the reporting units
     * @param reportingUnits how many units owe a monthly report each month (at least 1)
     */
    public static Result compute(CaseCounts counts, Period p, LocalDate today, int reportingUnits) {
        long onTime = 0;
        for (int month = p.firstMonth(); month <= lastDueMonth(p, today); month++) {
            onTime += Math.min(reportingUnits, counts.get(CaseMetric.MONTHLY_REPORTS_ON_TIME, month));
        }
        return compute(counts, p, today, reportingUnits, onTime);
    }

    private static Result compute(CaseCounts counts, Period p, LocalDate today, int reportingUnits, long monthlyOnTime) {
        if (reportingUnits < 1) {
            throw new IllegalArgumentException("reportingUnits " + reportingUnits);
        }
        Map<CaseMetric, Long> totals = new EnumMap<>(CaseMetric.class);
        for (CaseMetric m : CaseMetric.values()) {
            totals.put(m, counts.sum(m, p.firstMonth(), p.lastMonth()));
        }
        int due = monthsDue(p, today);
        return new Result(due, reportingUnits,
                Ratio.of(totals.get(CaseMetric.REFERRAL_LETTERS_ISSUED), totals.get(CaseMetric.CASES_REFERRED)),
                Ratio.of(totals.get(CaseMetric.FOLLOW_UP_REPORTS_ON_TIME), totals.get(CaseMetric.FOLLOW_UP_REPORTS_REQUESTED)),
                Ratio.of(monthlyOnTime, Math.multiplyExact((long) due, reportingUnits)),
                totals);
    }
}
