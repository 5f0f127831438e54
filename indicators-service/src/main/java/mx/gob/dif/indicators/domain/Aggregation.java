package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * Period values under each measurement method, and roll-ups across org units. Exact decimal
 * arithmetic throughout; only AVERAGE divides, at {@link #DIVISION_SCALE} places, half-up.
 */
public final class Aggregation {
    public static final int DIVISION_SCALE = 4;

    private Aggregation() {
    }

    /** The value of one indicator of one unit over a period (COMPOSITE is handled by {@link #composite}). */
    public static BigDecimal value(MeasurementMethod method, MonthValues v, Period p) {
        return switch (method) {
            case SUM, COMPOSITE -> sum(v, p.firstMonth(), p.lastMonth());
            case MAX_QUARTER_MAX -> maxOfBlocks(v, p, 3, false);
            case MAX_QUARTER_SUM -> maxOfBlocks(v, p, 3, true);
            case MAX_SEMESTER_SUM -> maxOfBlocks(v, p, 6, true);
            case AVERAGE -> average(v, p);
            case LAST -> last(v, p);
        };
    }

    /** COMPOSITE: Σ of its components' values, each already aggregated by its own method. */
    public static BigDecimal composite(Collection<BigDecimal> componentValues) {
        return componentValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Roll-up across org units: the method is applied in time per unit, then the units are summed. */
    public static BigDecimal rollUp(MeasurementMethod method, List<MonthValues> units, Period p) {
        return units.stream().map(u -> value(method, u, p)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** 100 × value / target, 2 decimals half-up; over-achievement as is; null when the target is 0. */
    public static BigDecimal percent(BigDecimal value, BigDecimal target) {
        if (target == null || target.signum() == 0) {
            return null;
        }
        return value.multiply(BigDecimal.valueOf(100)).divide(target, 2, RoundingMode.HALF_UP);
    }

    /** Program global indicator: mean of its indicators' percents (those with a target), 2 decimals. */
    public static BigDecimal mean(List<BigDecimal> percents) {
        List<BigDecimal> known = percents.stream().filter(java.util.Objects::nonNull).toList();
        if (known.isEmpty()) {
            return null;
        }
        return known.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(MonthValues v, int from, int to) {
        BigDecimal s = BigDecimal.ZERO;
        for (int m = from; m <= to; m++) {
            s = s.add(v.value(m));
        }
        return s;
    }

    /** Quarters (3) or semesters (6) of the year that overlap the period, restricted to its months. */
    private static BigDecimal maxOfBlocks(MonthValues v, Period p, int blockSize, boolean sumBlocks) {
        BigDecimal result = BigDecimal.ZERO;
        for (int start = 1; start <= 12; start += blockSize) {
            int from = Math.max(start, p.firstMonth());
            int to = Math.min(start + blockSize - 1, p.lastMonth());
            if (from > to) {
                continue;
            }
            BigDecimal blockMax = null;
            for (int m = from; m <= to; m++) {
                if (v.hasReports(m) && (blockMax == null || v.value(m).compareTo(blockMax) > 0)) {
                    blockMax = v.value(m);
                }
            }
            if (blockMax == null) {
                continue;
            }
            result = sumBlocks ? result.add(blockMax) : result.max(blockMax);
        }
        return result;
    }

    private static BigDecimal average(MonthValues v, Period p) {
        BigDecimal s = BigDecimal.ZERO;
        int n = 0;
        for (int m = p.firstMonth(); m <= p.lastMonth(); m++) {
            if (v.hasReports(m)) {
                s = s.add(v.value(m));
                n++;
            }
        }
        return n == 0 ? BigDecimal.ZERO : s.divide(BigDecimal.valueOf(n), DIVISION_SCALE, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private static BigDecimal last(MonthValues v, Period p) {
        for (int m = p.lastMonth(); m >= p.firstMonth(); m--) {
            if (v.hasReports(m)) {
                return v.value(m);
            }
        }
        return BigDecimal.ZERO;
    }
}
