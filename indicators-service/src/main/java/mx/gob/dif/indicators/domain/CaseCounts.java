package mx.gob.dif.indicators.domain;

/** Case-event counts per metric and month of one year, for one unit or summed over several. */
public final class CaseCounts {
    private final long[][] counts = new long[CaseMetric.values().length][13];

    public CaseCounts add(CaseMetric metric, int month, long n) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month);
        }
        counts[metric.ordinal()][month] = Math.addExact(counts[metric.ordinal()][month], n);
        return this;
    }

    public long get(CaseMetric metric, int month) {
        return counts[metric.ordinal()][month];
    }

    /** Σ over months from..to (inclusive); 0 when from > to. */
    public long sum(CaseMetric metric, int from, int to) {
        long s = 0;
        for (int m = Math.max(1, from); m <= Math.min(12, to); m++) {
            s = Math.addExact(s, counts[metric.ordinal()][m]);
        }
        return s;
    }

    /** As {@link MonthValues} (a month with a count has "reports"; the count is the value), for the indicator rules. */
    public MonthValues monthValues(CaseMetric metric) {
        MonthValues v = new MonthValues();
        for (int m = 1; m <= 12; m++) {
            long n = counts[metric.ordinal()][m];
            if (n != 0) {
                v.add(m, java.math.BigDecimal.valueOf(n), n);
            }
        }
        return v;
    }
}
