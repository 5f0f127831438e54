package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.programs.domain.PlanValidation.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The monthly schedule a target may carry ({@code schedule}: 12 quantities, January to December): what
 * is planned for each calendar month instead of spreading the annual target evenly over the program's
 * calendar. For cumulative methods the months add up to the annual target; for level methods each
 * month is the level planned for it. A month outside the program's calendar must be 0 or empty
 * ({@code null}), which is read as 0.
 */
public final class MonthlySchedule {
    public static final int MONTHS = 12;
    /** Methods whose value grows through the year, so their months must add up to the annual target. */
    private static final Set<String> CUMULATIVE = Set.of(MeasurementMethod.SUM.name(), MeasurementMethod.MAX_QUARTER_SUM.name(),
            MeasurementMethod.MAX_SEMESTER_SUM.name(), MeasurementMethod.COMPOSITE.name());

    private MonthlySchedule() {
    }

    public static boolean cumulative(String method) {
        return CUMULATIVE.contains(method);
    }

    /**
     * The schedule of a target as 12 quantities (an empty month is 0), or null when the target has none or
     * it is invalid; every problem is added with its path ({@code <path>[i]} for one month).
     *
     * @param calendar the program's months (ENE … DIC); empty means every month
     * @param annual   the annual target, null when it is itself invalid (the sum is then not checked)
     * @param method   the target's method as written (an unknown one is reported elsewhere; its sum is not checked)
     */
    public static List<BigDecimal> check(JsonNode schedule, List<String> calendar, BigDecimal annual, String method, String path,
                                         List<Problem> problems) {
        if (!JsonFields.present(schedule)) {
            return null;
        }
        if (!schedule.isArray() || schedule.size() != MONTHS) {
            problems.add(new Problem(path, "La programación mensual debe ser una lista de 12 cantidades, de enero a diciembre "
                    + "(0 o vacío en los meses sin entregas); se recibió " + (schedule.isArray() ? schedule.size() + " valor(es)" : "'"
                    + schedule.asText() + "'") + "."));
            return null;
        }
        int before = problems.size();
        List<BigDecimal> months = new ArrayList<>(MONTHS);
        for (int m = 0; m < MONTHS; m++) {
            months.add(month(schedule.get(m), m, calendar, path + "[" + m + "]", problems));
        }
        if (problems.size() > before) {
            return null;
        }
        BigDecimal sum = months.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (annual != null && cumulative(method) && sum.compareTo(annual) != 0) {
            problems.add(new Problem(path, "La programación mensual suma " + sum.toPlainString() + " y la meta anual es "
                    + annual.toPlainString() + "; con el método " + method + " los meses deben sumar la meta anual."));
            return null;
        }
        return List.copyOf(months);
    }

    private static BigDecimal month(JsonNode value, int m, List<String> calendar, String path, List<Problem> problems) {
        String code = CalendarMonth.CODES.get(m);
        if (!JsonFields.present(value)) {
            return BigDecimal.ZERO;
        }
        BigDecimal q = JsonFields.nonNegative(value, path, "La cantidad programada para " + code, "", problems);
        if (q == null) {
            return BigDecimal.ZERO;
        }
        if (q.signum() > 0 && !calendar.isEmpty() && !calendar.contains(code)) {
            problems.add(new Problem(path, "Se programaron " + q.toPlainString() + " para " + code + ", pero el programa no opera "
                    + "ese mes (calendario: " + String.join(", ", calendar) + "). Deje 0 o vacío, o agregue " + code + " al calendario."));
        }
        return q;
    }
}
