package mx.gob.dif.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Outcome goals (metas de intervención): ratio = numerator / denominator × 100, 2 decimals half-up,
 * null when the denominator is 0 or unknown. Across org units the ratio divides the rolled-up sums
 * (never the mean of the units' ratios). The traffic light compares the ratio with the goal's target
 * percent by the service's thresholds; no target percent or no ratio, no light.
 */
public final class OutcomeRatio {
    private OutcomeRatio() {
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return Aggregation.plain(numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP));
    }

    /** The ratio of several units: Σ numerators / Σ denominators × 100. */
    public static BigDecimal rolledUp(Collection<BigDecimal> numerators, Collection<BigDecimal> denominators) {
        return ratio(numerators.stream().reduce(BigDecimal.ZERO, BigDecimal::add), denominators.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public static Expectation.Status status(BigDecimal ratio, BigDecimal targetPercent, Expectation.Thresholds thresholds) {
        if (ratio == null || targetPercent == null) {
            return null;
        }
        return Expectation.status(ratio, targetPercent, thresholds);
    }
}
