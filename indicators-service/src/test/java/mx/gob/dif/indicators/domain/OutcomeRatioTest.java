package mx.gob.dif.indicators.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The outcome-goal ratio rules: plain JUnit cases and a property against a brute-force rational rounding. */
class OutcomeRatioTest {
    private static final Expectation.Thresholds T = Expectation.Thresholds.DEFAULT;

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void ratioIsNumeratorOverDenominatorTimesAHundredTwoDecimalsHalfUp() {
        assertEquals(d("94.83"), OutcomeRatio.ratio(d("110"), d("116")));    // 94.8275…
        assertEquals(d("66.67"), OutcomeRatio.ratio(d("2"), d("3")));        // 66.666…
        assertEquals(d("0.01"), OutcomeRatio.ratio(d("1"), d("20000")));     // 0.005 → half up
        assertEquals(d("50"), OutcomeRatio.ratio(d("1"), d("2")));           // no trailing zeros
        assertEquals(d("265"), OutcomeRatio.ratio(d("53"), d("20")));        // over-achievement as is
        assertEquals(d("0"), OutcomeRatio.ratio(d("0"), d("7")));
        assertEquals("100", OutcomeRatio.ratio(d("3.5"), d("3.50")).toPlainString());
    }

    @Test
    void aZeroOrUnknownDenominatorHasNoRatio() {
        assertNull(OutcomeRatio.ratio(d("5"), d("0")));
        assertNull(OutcomeRatio.ratio(d("0"), d("0.00")));
        assertNull(OutcomeRatio.ratio(d("5"), null));
        assertNull(OutcomeRatio.ratio(null, d("5")));
    }

    @Test
    void rolledUpDividesTheSumsNotTheMeanOfTheRatios() {
        // municipality A 105/116 (90.52 %), B 30/60 (50 %): the state is 135/176, not the mean 70.26
        assertEquals(d("76.7"), OutcomeRatio.rolledUp(List.of(d("105"), d("30")), List.of(d("116"), d("60"))));
        assertNull(OutcomeRatio.rolledUp(List.of(d("1")), List.of(d("0"), d("0"))));
        assertNull(OutcomeRatio.rolledUp(List.of(), List.of()));
    }

    @Test
    void theLightComparesTheRatioWithTheTargetPercent() {
        assertEquals(Expectation.Status.GREEN, OutcomeRatio.status(d("90.52"), d("95"), T));  // 95.3 % of the goal
        assertEquals(Expectation.Status.YELLOW, OutcomeRatio.status(d("76.7"), d("95"), T));  // 80.7 %
        assertEquals(Expectation.Status.RED, OutcomeRatio.status(d("50"), d("95"), T));       // 52.6 %
        assertEquals(Expectation.Status.GREEN, OutcomeRatio.status(d("85.5"), d("95"), T));   // exactly 90 %
        assertNull(OutcomeRatio.status(d("50"), null, T));
        assertNull(OutcomeRatio.status(null, d("95"), T));
    }

    /** Brute force: the exact rational 100·n/d rounded half up to hundredths by integer arithmetic. */
    @Property(tries = 500)
    void ratioEqualsTheExactFractionRoundedHalfUp(@ForAll @LongRange(min = 0, max = 10_000_000) long num,
                                                  @ForAll @LongRange(min = 0, max = 10_000_000) long den,
                                                  @ForAll @IntRange(min = 0, max = 3) int numScale,
                                                  @ForAll @IntRange(min = 0, max = 3) int denScale) {
        BigDecimal n = BigDecimal.valueOf(num, numScale);
        BigDecimal dd = BigDecimal.valueOf(den, denScale);
        BigDecimal r = OutcomeRatio.ratio(n, dd);
        if (den == 0) {
            assertNull(r);
            return;
        }
        // 100·n/d in hundredths = 10000·num·10^denScale / (den·10^numScale)
        BigInteger p = BigInteger.valueOf(num).multiply(BigInteger.valueOf(10_000)).multiply(BigInteger.TEN.pow(denScale));
        BigInteger q = BigInteger.valueOf(den).multiply(BigInteger.TEN.pow(numScale));
        BigInteger rounded = p.multiply(BigInteger.TWO).add(q).divide(q.multiply(BigInteger.TWO)); // floor(p/q + 1/2)
        assertEquals(0, new BigDecimal(rounded, 2).compareTo(r), n + " / " + dd);
    }
}
