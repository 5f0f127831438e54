package mx.gob.dif.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static mx.gob.dif.indicators.domain.CaseMetric.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseMetricTest {
    private static final LocalDate D = LocalDate.of(2021, 3, 10);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "RECEIVED, CASES_ATTENDED",
            "ENROLLED, CASES_ENROLLED",
            "REFERRED, CASES_REFERRED",
            "REFERRAL_LETTER_ISSUED, REFERRAL_LETTERS_ISSUED",
            "FOLLOW_UP_REQUESTED, FOLLOW_UP_REPORTS_REQUESTED",
            "INTERVENTION_RECORDED, INTERVENTIONS",
    })
    void eachCountedChangeAddsOneMetric(String change, CaseMetric metric) {
        assertEquals(List.of(metric), CaseMetric.counted(change, null, D, null));
        // onTime means nothing for these
        assertEquals(List.of(metric), CaseMetric.counted(change, true, D, D.minusDays(1)));
    }

    @Test
    void statusChangesCountNothing() {
        assertEquals(List.of(), CaseMetric.counted("STATUS_CHANGED", null, D, null));
        assertEquals(List.of(), CaseMetric.counted("REFERRAL_STATUS_CHANGED", true, D, null));
    }

    @Test
    void everyChangeOfTheContractIsKnown() {
        for (String change : List.of("RECEIVED", "STATUS_CHANGED", "ENROLLED", "REFERRED", "REFERRAL_LETTER_ISSUED",
                "REFERRAL_STATUS_CHANGED", "FOLLOW_UP_REQUESTED", "FOLLOW_UP_DELIVERED", "INTERVENTION_RECORDED",
                "MONTHLY_REPORT_DELIVERED")) {
            CaseMetric.counted(change, null, D, null);
        }
        assertThrows(IllegalArgumentException.class, () -> CaseMetric.counted("CLOSED", null, D, null));
        assertThrows(IllegalArgumentException.class, () -> CaseMetric.counted(null, null, D, null));
    }

    @ParameterizedTest(name = "{0} onTime={1} date={2} due={3} → on time {4}")
    @CsvSource({
            "FOLLOW_UP_DELIVERED, true, , , true",
            "FOLLOW_UP_DELIVERED, false, , , false",
            "FOLLOW_UP_DELIVERED, false, 2021-03-01, 2021-03-10, false", // the event's word wins
            "FOLLOW_UP_DELIVERED, true, 2021-03-11, 2021-03-10, true",
            "FOLLOW_UP_DELIVERED, , 2021-03-10, 2021-03-10, true", // on the due date is on time
            "FOLLOW_UP_DELIVERED, , 2021-03-11, 2021-03-10, false",
            "FOLLOW_UP_DELIVERED, , 2021-03-11, , false", // nothing to judge by: not on time
            "MONTHLY_REPORT_DELIVERED, true, , , true",
            "MONTHLY_REPORT_DELIVERED, false, , , false",
            "MONTHLY_REPORT_DELIVERED, , 2021-04-05, 2021-04-05, true",
            "MONTHLY_REPORT_DELIVERED, , 2021-04-06, 2021-04-05, false",
    })
    void deliveredReportsAndWhetherOnTime(String change, Boolean onTime, LocalDate date, LocalDate due, boolean expected) {
        List<CaseMetric> got = CaseMetric.counted(change, onTime, date, due);
        boolean followUp = change.startsWith("FOLLOW");
        CaseMetric delivered = followUp ? FOLLOW_UP_REPORTS_DELIVERED : MONTHLY_REPORTS_DELIVERED;
        CaseMetric inTime = followUp ? FOLLOW_UP_REPORTS_ON_TIME : MONTHLY_REPORTS_ON_TIME;
        assertEquals(expected ? List.of(delivered, inTime) : List.of(delivered), got);
    }

    @Test
    void targetMetricsAreExactlyTheContractsList() {
        assertEquals(mx.gob.dif.events.TargetChanged.CASE_METRICS, CaseMetric.TARGET_METRICS.stream().map(Enum::name).toList());
        for (String m : mx.gob.dif.events.TargetChanged.CASE_METRICS) {
            assertEquals(m, CaseMetric.ofTarget(m).name());
        }
        assertNull(CaseMetric.ofTarget(null));
        assertNull(CaseMetric.ofTarget(" "));
        // counts that exist but are not target metrics are refused
        assertThrows(IllegalArgumentException.class, () -> CaseMetric.ofTarget("MONTHLY_REPORTS_ON_TIME"));
        assertThrows(IllegalArgumentException.class, () -> CaseMetric.ofTarget("cases_attended"));
        assertEquals(10, Arrays.stream(CaseMetric.values()).count());
    }
}
