package mx.gob.dif.programs.domain;

import mx.gob.dif.programs.domain.ReportingCycle.Status;
import mx.gob.dif.programs.domain.ReportingCycle.Step;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reporting cycle's state machine, every status against every step; the month format, future months and closed years. */
class ReportingCycleTest {
    private static final YearMonth MARCH = YearMonth.of(2021, 3);

    /** The whole table, written out: the status each step leads to from each status, or null where it is refused. */
    private static final Map<Status, Map<Step, Status>> TABLE = new EnumMap<>(Status.class);

    static {
        row(Status.OPEN, Status.SUBMITTED, null, null, null);
        row(Status.SUBMITTED, null, Status.ACCEPTED, Status.RETURNED, null);
        row(Status.ACCEPTED, null, null, null, Status.REOPENED);
        row(Status.RETURNED, Status.SUBMITTED, null, null, null);
        row(Status.REOPENED, Status.SUBMITTED, null, null, null);
    }

    private static void row(Status from, Status submit, Status accept, Status sendBack, Status reopen) {
        Map<Step, Status> r = new EnumMap<>(Step.class);
        r.put(Step.SUBMIT, submit);
        r.put(Step.ACCEPT, accept);
        r.put(Step.RETURN, sendBack);
        r.put(Step.REOPEN, reopen);
        TABLE.put(from, r);
    }

    @Test
    void everyStatusAgainstEveryStep() {
        assertEquals(Status.values().length, TABLE.size(), "the table covers every status");
        int allowed = 0;
        for (Status from : Status.values()) {
            for (Step step : Step.values()) {
                Status expected = TABLE.get(from).get(step);
                String refusal = ReportingCycle.refusal(from, step, "10005", MARCH);
                if (expected == null) {
                    assertFalse(step.allowedFrom(from), from + " " + step);
                    assertTrue(refusal != null && refusal.contains("el mes 2021-03 de la unidad 10005"), from + " " + step + ": " + refusal);
                } else {
                    allowed++;
                    assertTrue(step.allowedFrom(from), from + " " + step);
                    assertNull(refusal, from + " " + step);
                    assertEquals(expected, step.to(), from + " " + step);
                }
            }
        }
        assertEquals(6, allowed, "six transitions in all");
    }

    @Test
    void refusalsSayWhatToDoInstead() {
        assertEquals("No se puede enviar el mes 2021-03 de la unidad 10005: está enviado y en espera de revisión. Espere a que la "
                + "instancia estatal lo acepte o lo devuelva.", ReportingCycle.refusal(Status.SUBMITTED, Step.SUBMIT, "10005", MARCH));
        assertEquals("No se puede enviar el mes 2021-03 de la unidad 10005: está aceptado y cerrado. Para corregirlo, un administrador "
                + "estatal debe reabrirlo (con un motivo).", ReportingCycle.refusal(Status.ACCEPTED, Step.SUBMIT, "10005", MARCH));
        assertEquals("No se puede aceptar el mes 2021-03 de la unidad 10005: está abierto (no se ha enviado). Solo se acepta o devuelve "
                + "un mes que la unidad envió; espere a que lo envíe.", ReportingCycle.refusal(Status.OPEN, Step.ACCEPT, "10005", MARCH));
        assertEquals("No se puede devolver el mes 2021-03 de la unidad 10005: está devuelto a la unidad. Solo se acepta o devuelve un "
                + "mes que la unidad envió; espere a que lo envíe.", ReportingCycle.refusal(Status.RETURNED, Step.RETURN, "10005", MARCH));
        assertEquals("No se puede reabrir el mes 2021-03 de la unidad 10005: está enviado y en espera de revisión. Solo se reabre un mes "
                + "aceptado; este puede aceptarse o devolverse.", ReportingCycle.refusal(Status.SUBMITTED, Step.REOPEN, "10005", MARCH));
        assertEquals("No se puede reabrir el mes 2021-03 de la unidad 10005: está reabierto. Solo se reabre un mes aceptado.",
                ReportingCycle.refusal(Status.REOPENED, Step.REOPEN, "10005", MARCH));
    }

    @Test
    void onlyAnAcceptedMonthIsLocked() {
        for (Status s : Status.values()) {
            assertEquals(s == Status.ACCEPTED, s.locked(), s.name());
        }
    }

    @Test
    void monthsAreWrittenYyyyMm() {
        assertEquals(MARCH, ReportingCycle.month("2021-03"));
        assertEquals(MARCH, ReportingCycle.month(" 2021-03 "));
        for (String bad : new String[]{null, "", "2021-3", "2021-13", "2021-00", "21-03", "2021-03-01", "marzo", "2021/03"}) {
            assertNull(ReportingCycle.month(bad), String.valueOf(bad));
        }
    }

    @Test
    void theCurrentMonthMayBeSubmittedButNotALaterOne() {
        LocalDate today = LocalDate.of(2021, 3, 31);
        assertFalse(ReportingCycle.future(YearMonth.of(2021, 2), today));
        assertFalse(ReportingCycle.future(MARCH, today));
        assertTrue(ReportingCycle.future(YearMonth.of(2021, 4), today));
        assertTrue(ReportingCycle.future(YearMonth.of(2022, 1), today));
    }

    @Test
    void aYearIsClosedWhenItsTwelveMonthsAreAccepted() {
        Map<YearMonth, Status> months = new HashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(YearMonth.of(2021, m), Status.ACCEPTED);
        }
        months.put(YearMonth.of(2022, 1), Status.SUBMITTED);
        assertTrue(ReportingCycle.yearClosed(2021, months));
        assertFalse(ReportingCycle.yearClosed(2022, months));
        for (Status other : Status.values()) {
            if (other != Status.ACCEPTED) {
                months.put(YearMonth.of(2021, 12), other);
                assertFalse(ReportingCycle.yearClosed(2021, months), "December " + other);
            }
        }
        months.remove(YearMonth.of(2021, 12));
        assertFalse(ReportingCycle.yearClosed(2021, months), "a month nobody submitted is open");
    }
}
