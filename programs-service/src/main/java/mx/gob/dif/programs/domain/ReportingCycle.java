package mx.gob.dif.programs.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reporting cycle of one org unit's month (data approval): the unit submits it as complete, a state role
 * accepts it or returns it with a reason, a state administrator may reopen an accepted month. An accepted
 * month is locked: reports and retractions dated in it are refused. A fiscal year is closed for a unit when
 * all 12 of its months are accepted; changing the plan of a closed year needs an amendment.
 */
public final class ReportingCycle {
    private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");

    /** Where a month stands; OPEN is a month nobody submitted yet (it has no row and no event). */
    public enum Status {
        OPEN("abierto (no se ha enviado)"), SUBMITTED("enviado y en espera de revisión"), ACCEPTED("aceptado y cerrado"),
        RETURNED("devuelto a la unidad"), REOPENED("reabierto");

        private final String spanish;

        Status(String spanish) {
            this.spanish = spanish;
        }

        public boolean locked() {
            return this == ACCEPTED;
        }
    }

    /** What someone does to a month, the status it leads to and the statuses it may start from. */
    public enum Step {
        SUBMIT("enviar", Status.SUBMITTED, EnumSet.of(Status.OPEN, Status.RETURNED, Status.REOPENED)),
        ACCEPT("aceptar", Status.ACCEPTED, EnumSet.of(Status.SUBMITTED)),
        RETURN("devolver", Status.RETURNED, EnumSet.of(Status.SUBMITTED)),
        REOPEN("reabrir", Status.REOPENED, EnumSet.of(Status.ACCEPTED));

        private final String verb;
        private final Status to;
        private final Set<Status> from;

        Step(String verb, Status to, Set<Status> from) {
            this.verb = verb;
            this.to = to;
            this.from = from;
        }

        public Status to() {
            return to;
        }

        public boolean allowedFrom(Status status) {
            return from.contains(status);
        }
    }

    private ReportingCycle() {
    }

    /** How a month is named to people: "el mes 2021-03 de la unidad 10005". */
    public static String period(String orgUnit, YearMonth month) {
        return "el mes " + month + " de la unidad " + orgUnit;
    }

    /** Null when {@code step} may be taken from {@code status}; otherwise why not, in Spanish, naming the period. */
    public static String refusal(Status status, Step step, String orgUnit, YearMonth month) {
        if (step.allowedFrom(status)) {
            return null;
        }
        return "No se puede " + step.verb + " " + period(orgUnit, month) + ": está " + status.spanish + ". " + hint(status, step);
    }

    private static String hint(Status status, Step step) {
        if (status == Status.ACCEPTED) {
            return "Para corregirlo, un administrador estatal debe reabrirlo (con un motivo).";
        }
        if (status == Status.SUBMITTED) {
            return step == Step.SUBMIT ? "Espere a que la instancia estatal lo acepte o lo devuelva."
                    : "Solo se reabre un mes aceptado; este puede aceptarse o devolverse.";
        }
        if (step == Step.REOPEN) {
            return "Solo se reabre un mes aceptado.";
        }
        return "Solo se acepta o devuelve un mes que la unidad envió; espere a que lo envíe.";
    }

    /** The month of {@code YYYY-MM}; null when the text is not one. */
    public static YearMonth month(String text) {
        if (text == null || !MONTH.matcher(text.trim()).matches()) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A month that has not begun on {@code today} cannot be submitted (the current month can). */
    public static boolean future(YearMonth month, LocalDate today) {
        return month.isAfter(YearMonth.from(today));
    }

    /** Whether the year is closed for a unit: every one of its 12 months accepted (given the statuses of its months). */
    public static boolean yearClosed(int year, Map<YearMonth, Status> months) {
        for (int m = 1; m <= 12; m++) {
            if (months.getOrDefault(YearMonth.of(year, m), Status.OPEN) != Status.ACCEPTED) {
                return false;
            }
        }
        return true;
    }
}
