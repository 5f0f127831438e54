package mx.gob.dif.indicators.domain;

import mx.gob.dif.indicators.domain.ProcedureIndicators.Ratio;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static mx.gob.dif.indicators.domain.CaseMetric.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcedureIndicatorsTest {

    @ParameterizedTest(name = "{0}/{1} = {2}")
    @CsvSource({
            "0, 0, ",
            "5, 0, ",
            "0, 7, 0",
            "7, 7, 100",
            "1, 3, 33.33",
            "2, 3, 66.67",
            "1, 8, 12.5",
            "1, 200, 0.5",
            "1, 400, 0.25",
            "1, 800, 0.13", // 0.125 half-up
            "1, 1600, 0.06",
            "3, 2, 150", // over 100 % as is
            "702, 702, 100",
            "845, 1004, 84.16",
    })
    void ratiosAreTwoDecimalsHalfUpAndNullOverZero(long num, long den, BigDecimal percent) {
        Ratio r = Ratio.of(num, den);
        assertEquals(num, r.numerator());
        assertEquals(den, r.denominator());
        if (percent == null) {
            assertNull(r.percent());
        } else {
            assertEquals(0, percent.compareTo(r.percent()), r.toString());
            assertTrue(r.percent().scale() <= 2 && r.percent().scale() >= 0, "no trailing zeros, no exponent: " + r.percent());
            assertEquals(percent.stripTrailingZeros().toPlainString(), r.percent().toPlainString());
        }
    }

    @Test
    void negativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, -3));
    }

    @ParameterizedTest(name = "{0} at {1}: {2} months due")
    @CsvSource({
            // a past year: every month of the period
            "2021, 2022-01-01, 12", "2021-Q3, 2023-06-15, 3", "2021-05, 2022-01-01, 1", "2021-S2, 2022-02-01, 6",
            "2021-YTD-2021-05-15, 2024-01-01, 5",
            // a future year: none
            "2021, 2020-12-31, 0", "2021-03, 2020-06-01, 0",
            // the current year: months that have ended (the current month is not due yet)
            "2021, 2021-01-01, 0", "2021, 2021-01-31, 0", "2021, 2021-02-01, 1", "2021, 2021-07-15, 6",
            "2021, 2021-12-31, 11",
            "2021-Q1, 2021-03-31, 2", "2021-Q1, 2021-04-01, 3", "2021-Q2, 2021-03-15, 0", "2021-Q2, 2021-05-01, 1",
            "2021-S2, 2021-08-20, 1", "2021-03, 2021-03-31, 0", "2021-03, 2021-04-01, 1",
            "2021-YTD-2021-05-15, 2021-04-10, 3", "2021-YTD-2021-05-15, 2021-06-01, 5",
    })
    void monthsDue(String period, LocalDate today, int due) {
        Period p = Period.parse(period);
        assertEquals(due, ProcedureIndicators.monthsDue(p, today));
        assertEquals(p.firstMonth() + due - 1, ProcedureIndicators.lastDueMonth(p, today));
    }

    @Test
    void theThreeRatiosAndTheCounts() {
        CaseCounts c = new CaseCounts()
                .add(CASES_ATTENDED, 1, 40).add(CASES_ATTENDED, 2, 30).add(CASES_ATTENDED, 7, 5)
                .add(CASES_ENROLLED, 1, 12).add(CASES_REFERRED, 1, 8).add(CASES_REFERRED, 2, 4)
                .add(REFERRAL_LETTERS_ISSUED, 1, 7).add(REFERRAL_LETTERS_ISSUED, 2, 4)
                .add(FOLLOW_UP_REPORTS_REQUESTED, 2, 3).add(FOLLOW_UP_REPORTS_DELIVERED, 2, 3).add(FOLLOW_UP_REPORTS_ON_TIME, 2, 2)
                .add(MONTHLY_REPORTS_DELIVERED, 1, 1).add(MONTHLY_REPORTS_ON_TIME, 1, 1)
                .add(MONTHLY_REPORTS_DELIVERED, 2, 1) // February late
                .add(MONTHLY_REPORTS_DELIVERED, 3, 1).add(MONTHLY_REPORTS_ON_TIME, 3, 1)
                .add(INTERVENTIONS, 3, 9);
        // Q1 2021 seen on 2021-04-10: three months due, two delivered on time
        ProcedureIndicators.Result q1 = ProcedureIndicators.compute(c, Period.parse("2021-Q1"), LocalDate.of(2021, 4, 10), 1);
        assertEquals(Ratio.of(11, 12), q1.referralLetters());
        assertEquals(new BigDecimal("91.67"), q1.referralLetters().percent());
        assertEquals(Ratio.of(2, 3), q1.followUpReportsOnTime());
        assertEquals(Ratio.of(2, 3), q1.monthlyReportsOnTime());
        assertEquals(3, q1.monthsDue());
        assertEquals(70L, q1.counts().get(CASES_ATTENDED));
        assertEquals(12L, q1.counts().get(CASES_ENROLLED));
        assertEquals(12L, q1.counts().get(CASES_REFERRED));
        assertEquals(9L, q1.counts().get(INTERVENTIONS));
        assertEquals(10, q1.counts().size());
        // the same quarter seen mid-March: only January and February are due; March's report is not counted yet
        ProcedureIndicators.Result midMarch = ProcedureIndicators.compute(c, Period.parse("2021-Q1"), LocalDate.of(2021, 3, 15), 1);
        assertEquals(Ratio.of(1, 2), midMarch.monthlyReportsOnTime());
        // two reporting units owe twice the reports
        assertEquals(Ratio.of(2, 6), ProcedureIndicators.compute(c, Period.parse("2021-Q1"), LocalDate.of(2022, 1, 1), 2).monthlyReportsOnTime());
        // nothing requested, nothing due: null percents
        ProcedureIndicators.Result q4 = ProcedureIndicators.compute(c, Period.parse("2021-Q4"), LocalDate.of(2021, 8, 1), 1);
        assertNull(q4.referralLetters().percent());
        assertNull(q4.followUpReportsOnTime().percent());
        assertEquals(Ratio.of(0, 0), q4.monthlyReportsOnTime());
        assertEquals(0L, q4.counts().get(CASES_ATTENDED));
        // the year: July's cases count, the ratios over the whole year
        ProcedureIndicators.Result year = ProcedureIndicators.compute(c, Period.parse("2021"), LocalDate.of(2022, 1, 1), 1);
        assertEquals(75L, year.counts().get(CASES_ATTENDED));
        assertEquals(Ratio.of(2, 12), year.monthlyReportsOnTime());
        assertEquals(new BigDecimal("16.67"), year.monthlyReportsOnTime().percent());
        assertThrows(IllegalArgumentException.class, () -> ProcedureIndicators.compute(c, Period.parse("2021"), LocalDate.of(2022, 1, 1), 0));
    }

    @Test
    void aMonthlyReportSentAgainCountsOncePerUnitAndMonth() {
        CaseCounts a = new CaseCounts().add(MONTHLY_REPORTS_DELIVERED, 1, 2).add(MONTHLY_REPORTS_ON_TIME, 1, 2)
                .add(MONTHLY_REPORTS_DELIVERED, 2, 1).add(MONTHLY_REPORTS_ON_TIME, 2, 1);
        CaseCounts b = new CaseCounts().add(CASES_ATTENDED, 1, 1); // runs cases, no report delivered
        LocalDate after = LocalDate.of(2022, 1, 1);
        ProcedureIndicators.Result one = ProcedureIndicators.compute(java.util.List.of(a), Period.parse("2021-Q1"), after);
        assertEquals(Ratio.of(2, 3), one.monthlyReportsOnTime());
        assertEquals(3L, one.counts().get(MONTHLY_REPORTS_ON_TIME)); // the plain count keeps every delivery
        ProcedureIndicators.Result both = ProcedureIndicators.compute(java.util.List.of(a, b), Period.parse("2021-Q1"), after);
        assertEquals(Ratio.of(2, 6), both.monthlyReportsOnTime());
        assertEquals(2, both.reportingUnits());
        // no unit with cases yet: the unit asked for still owes its reports
        ProcedureIndicators.Result none = ProcedureIndicators.compute(java.util.List.of(), Period.parse("2021-Q1"), after);
        assertEquals(Ratio.of(0, 3), none.monthlyReportsOnTime());
        assertEquals(1, none.reportingUnits());
        assertNull(none.referralLetters().percent());
        // nothing due yet: null
        assertNull(ProcedureIndicators.compute(java.util.List.of(a), Period.parse("2021-Q1"), LocalDate.of(2021, 1, 20))
                .monthlyReportsOnTime().percent());
    }

    @Test
    void caseCountsAsMonthValues() {
        CaseCounts c = new CaseCounts().add(CASES_ATTENDED, 3, 4).add(CASES_ATTENDED, 3, 2).add(CASES_ATTENDED, 5, 1);
        MonthValues v = c.monthValues(CASES_ATTENDED);
        assertEquals(new BigDecimal(6), v.value(3));
        assertEquals(6, v.reports(3));
        assertTrue(!v.hasReports(4));
        assertEquals(new BigDecimal(7), Aggregation.value(MeasurementMethod.SUM, v, Period.parse("2021")));
        assertEquals(0, c.sum(CASES_ATTENDED, 6, 5));
        assertThrows(IllegalArgumentException.class, () -> c.add(CASES_ATTENDED, 13, 1));
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 500)
    void percentIsTheExactQuotientRounded(@ForAll @LongRange(min = 0, max = 1_000_000) long num,
                                          @ForAll @LongRange(min = 0, max = 1_000_000) long den) {
        Ratio r = Ratio.of(num, den);
        if (den == 0) {
            assertNull(r.percent());
            return;
        }
        // |percent − 100·num/den| ≤ 0.005, and percent has at most 2 decimals
        BigDecimal exact = BigDecimal.valueOf(num * 100L);
        BigDecimal diff = r.percent().multiply(BigDecimal.valueOf(den)).subtract(exact).abs();
        assertTrue(diff.compareTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(den))) <= 0, r.toString());
        assertTrue(r.percent().scale() <= 2);
        // monotone around 100 %: never below 100 when num ≥ den, never above when num ≤ den
        if (num <= den) {
            assertTrue(r.percent().compareTo(BigDecimal.valueOf(100)) <= 0, r.toString());
        }
        if (num >= den) {
            assertTrue(r.percent().compareTo(BigDecimal.valueOf(100)) >= 0, r.toString());
        }
        if (num == den) {
            assertEquals(0, r.percent().compareTo(BigDecimal.valueOf(100)));
        }
    }

    @Provide
    Arbitrary<String> periods() {
        return Arbitraries.of("2021", "2021-S1", "2021-S2", "2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4",
                "2021-01", "2021-06", "2021-12", "2021-YTD-2021-08-31", "2021-YTD-2021-02-01");
    }

    @Property(tries = 500)
    void countsAndRatiosMatchAMonthByMonthBruteForce(@ForAll("periods") String period,
                                                     @ForAll @IntRange(min = 2019, max = 2023) int todayYear,
                                                     @ForAll @IntRange(min = 1, max = 365) int todayDay,
                                                     @ForAll @IntRange(min = 1, max = 5) int units,
                                                     @ForAll("counts") long[][] raw) {
        Period p = Period.parse(period);
        LocalDate today = LocalDate.ofYearDay(todayYear, todayDay);
        CaseCounts c = new CaseCounts();
        for (CaseMetric m : CaseMetric.values()) {
            for (int month = 1; month <= 12; month++) {
                c.add(m, month, raw[m.ordinal()][month - 1]);
            }
        }
        ProcedureIndicators.Result r = ProcedureIndicators.compute(c, p, today, units);
        long due = 0;
        long onTimeInDueMonths = 0;
        for (int month = p.firstMonth(); month <= p.lastMonth(); month++) {
            boolean ended = java.time.YearMonth.of(p.year(), month).atEndOfMonth().isBefore(today);
            if (ended) {
                due++;
                onTimeInDueMonths += Math.min(units, raw[MONTHLY_REPORTS_ON_TIME.ordinal()][month - 1]);
            }
        }
        assertEquals(due, r.monthsDue());
        assertEquals(Ratio.of(onTimeInDueMonths, due * units), r.monthlyReportsOnTime());
        for (CaseMetric m : CaseMetric.values()) {
            long s = 0;
            for (int month = p.firstMonth(); month <= p.lastMonth(); month++) {
                s += raw[m.ordinal()][month - 1];
            }
            assertEquals(s, r.counts().get(m), m.name());
        }
        assertEquals(Ratio.of(r.counts().get(REFERRAL_LETTERS_ISSUED), r.counts().get(CASES_REFERRED)), r.referralLetters());
        assertEquals(Ratio.of(r.counts().get(FOLLOW_UP_REPORTS_ON_TIME), r.counts().get(FOLLOW_UP_REPORTS_REQUESTED)),
                r.followUpReportsOnTime());
        if (r.referralLetters().percent() != null) {
            assertEquals(0, r.referralLetters().percent().compareTo(BigDecimal.valueOf(r.referralLetters().numerator() * 100L)
                    .divide(BigDecimal.valueOf(r.referralLetters().denominator()), 2, RoundingMode.HALF_UP)));
        }
    }

    @Provide
    Arbitrary<long[][]> counts() {
        Arbitrary<long[]> row = Arbitraries.longs().between(0, 50).array(long[].class).ofSize(12);
        return row.array(long[][].class).ofSize(CaseMetric.values().length);
    }

    @Property(tries = 300)
    void rollUpOfUnitsIsTheSumOfTheirCounts(@ForAll("counts") long[][] a, @ForAll("counts") long[][] b,
                                            @ForAll("periods") String period) {
        CaseCounts ca = new CaseCounts();
        CaseCounts cb = new CaseCounts();
        CaseCounts sum = new CaseCounts();
        for (CaseMetric m : CaseMetric.values()) {
            for (int month = 1; month <= 12; month++) {
                ca.add(m, month, a[m.ordinal()][month - 1]);
                cb.add(m, month, b[m.ordinal()][month - 1]);
                sum.add(m, month, a[m.ordinal()][month - 1]).add(m, month, b[m.ordinal()][month - 1]);
            }
        }
        Period p = Period.parse(period);
        LocalDate today = LocalDate.of(2022, 1, 1);
        ProcedureIndicators.Result ra = ProcedureIndicators.compute(java.util.List.of(ca), p, today);
        ProcedureIndicators.Result rb = ProcedureIndicators.compute(java.util.List.of(cb), p, today);
        ProcedureIndicators.Result rs = ProcedureIndicators.compute(java.util.List.of(ca, cb), p, today);
        assertEquals(2, rs.reportingUnits());
        assertEquals(rs.counts(), ProcedureIndicators.compute(sum, p, today, 2).counts());
        // never more on-time monthly reports than were due
        assertTrue(rs.monthlyReportsOnTime().numerator() <= rs.monthlyReportsOnTime().denominator());
        // ratios divide the rolled-up sums
        assertEquals(ra.referralLetters().numerator() + rb.referralLetters().numerator(), rs.referralLetters().numerator());
        assertEquals(ra.referralLetters().denominator() + rb.referralLetters().denominator(), rs.referralLetters().denominator());
        assertEquals(ra.monthlyReportsOnTime().denominator() + rb.monthlyReportsOnTime().denominator(), rs.monthlyReportsOnTime().denominator());
        assertEquals(ra.monthlyReportsOnTime().numerator() + rb.monthlyReportsOnTime().numerator(), rs.monthlyReportsOnTime().numerator());
        assertEquals(ra.followUpReportsOnTime().numerator() + rb.followUpReportsOnTime().numerator(), rs.followUpReportsOnTime().numerator());
    }
}
