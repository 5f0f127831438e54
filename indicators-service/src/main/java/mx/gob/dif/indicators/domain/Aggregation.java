package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * Period values under each measurement method, and roll-ups across org units. Exact decimal
 * arithmetic throughout; divisions round half-up: AVERAGE at {@link #DIVISION_SCALE} places, percents
 * and the program mean at 2 places. Results carry no trailing zeros (35, not 35.00).
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

    /** What a rolled-up value needs to know about indicators: their method, components and month values per unit. */
    public interface Definitions {
        MeasurementMethod method(String indicator);

        List<String> components(String indicator);

        /** Month values of the indicator, one entry per org unit of the subtree that reported it. */
        Collection<MonthValues> units(String indicator);
    }

    /**
     * The rolled-up value of an indicator over a period: for COMPOSITE the sum of its components'
     * rolled-up values (each by its own method, components may be composite themselves; a component
     * that refers back to an indicator being computed contributes 0), else {@link #rollUp}.
     */
    public static BigDecimal rolledUp(String indicator, Definitions defs, Period p) {
        return rolledUp(indicator, defs, p, new java.util.HashSet<>());
    }

    private static BigDecimal rolledUp(String indicator, Definitions defs, Period p, java.util.Set<String> path) {
        if (!path.add(indicator)) {
            return BigDecimal.ZERO;
        }
        try {
            MeasurementMethod m = defs.method(indicator);
            if (m == MeasurementMethod.COMPOSITE) {
                List<BigDecimal> parts = new java.util.ArrayList<>();
                for (String c : defs.components(indicator)) {
                    parts.add(rolledUp(c, defs, p, path));
                }
                return composite(parts);
            }
            return rollUp(m, defs.units(indicator), p);
        } finally {
            path.remove(indicator);
        }
    }

    /** Roll-up across org units: the method is applied in time per unit, then the units are summed. */
    public static BigDecimal rollUp(MeasurementMethod method, Collection<MonthValues> units, Period p) {
        return units.stream().map(u -> value(method, u, p)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** 100 × value / target, 2 decimals half-up; over-achievement as is; null when the target is 0. */
    public static BigDecimal percent(BigDecimal value, BigDecimal target) {
        if (target == null || target.signum() == 0) {
            return null;
        }
        return plain(value.multiply(BigDecimal.valueOf(100)).divide(target, 2, RoundingMode.HALF_UP));
    }

    /** Program global indicator: mean of its indicators' percents (those with a target), 2 decimals. */
    public static BigDecimal mean(List<BigDecimal> percents) {
        List<BigDecimal> known = percents.stream().filter(java.util.Objects::nonNull).toList();
        if (known.isEmpty()) {
            return null;
        }
        return plain(known.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP));
    }

    /** Without trailing zeros, never in exponent form with a negative scale (100, not 1E+2). */
    public static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
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
        return n == 0 ? BigDecimal.ZERO : plain(s.divide(BigDecimal.valueOf(n), DIVISION_SCALE, RoundingMode.HALF_UP));
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
