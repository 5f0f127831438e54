package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;

/**
 * v(m) for one indicator, one org unit and one year: the sum of the non-retracted reports of each
 * month, and how many there were (a month with reports of quantity 0 still "has reports").
 */
public final class MonthValues {
    private final BigDecimal[] sums = new BigDecimal[13];
    private final long[] counts = new long[13];

    public MonthValues add(int month, BigDecimal sum, long count) {
        sums[month] = sums[month] == null ? sum : sums[month].add(sum);
        counts[month] += count;
        return this;
    }

    public boolean hasReports(int month) {
        return counts[month] > 0;
    }

    public long reports(int month) {
        return counts[month];
    }

    public BigDecimal value(int month) {
        return hasReports(month) && sums[month] != null ? sums[month] : BigDecimal.ZERO;
    }
}
