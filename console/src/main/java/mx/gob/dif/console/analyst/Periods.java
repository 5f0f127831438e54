package mx.gob.dif.console.analyst;

import mx.gob.dif.console.web.InvalidChoice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The periods a person chooses on the analyst's pages: a year ({@code anio}) and a part of it ({@code periodo}: the
 * whole year, a half {@code S1}, a quarter {@code Q3} or a month {@code 03}), put together as the API writes them
 * ({@code 2021}, {@code 2021-S1}, {@code 2021-Q3}, {@code 2021-03}). Anything else is refused here, before any call,
 * with a sentence that says what to choose.
 */
public final class Periods {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern PART = Pattern.compile("S[12]|Q[1-4]|0[1-9]|1[0-2]");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final String[] MONTHS = {"Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto",
            "Septiembre", "Octubre", "Noviembre", "Diciembre"};
    private static final String[] SHORT = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"};

    /** One option of a period selector: the part's code ("" for the whole year) and its Spanish name. */
    public record Choice(String value, String label, boolean selected) {
    }

    private Periods() {
    }

    /** The year chosen, or {@code fallback} when none was; refused when it is not a year of the platform. */
    public static int year(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim();
        int year = YEAR.matcher(t).matches() ? Integer.parseInt(t) : -1;
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidChoice("El año debe tener cuatro cifras, entre " + MIN_YEAR + " y " + MAX_YEAR + " (p. ej. 2021).");
        }
        return year;
    }

    /** The API's period for a year and a part of it (blank: the whole year). */
    public static String period(int year, String part) {
        if (part == null || part.isBlank()) {
            return Integer.toString(year);
        }
        String p = part.trim();
        if (p.length() > 2 || !PART.matcher(p).matches()) {
            throw new InvalidChoice("Elija el periodo de la lista: el año completo, un semestre (S1, S2), un trimestre "
                    + "(Q1 a Q4) o un mes (01 a 12).");
        }
        return year + "-" + p;
    }

    /** The API's month {@code YYYY-MM} as chosen, or {@code fallback} when none was; refused when it is not a month. */
    public static String month(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim();
        if (t.length() != 7 || !MONTH.matcher(t).matches()
                || Integer.parseInt(t.substring(0, 4)) < MIN_YEAR || Integer.parseInt(t.substring(0, 4)) > MAX_YEAR) {
            throw new InvalidChoice("Elija el mes como año y mes, p. ej. 2021-03.");
        }
        return t;
    }

    /** The whole year, its halves, quarters and months, the part of {@code period} selected. */
    public static List<Choice> choices(String period) {
        String selected = part(period);
        List<Choice> out = new ArrayList<>(19);
        add(out, "", "Año completo", selected);
        add(out, "S1", "Primer semestre", selected);
        add(out, "S2", "Segundo semestre", selected);
        for (int q = 1; q <= 4; q++) {
            add(out, "Q" + q, "Trimestre " + q, selected);
        }
        out.addAll(months(period));
        return List.copyOf(out);
    }

    private static List<Choice> months(String period) {
        String selected = part(period);
        List<Choice> out = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            add(out, twoDigits(m), MONTHS[m - 1], selected);
        }
        return List.copyOf(out);
    }

    /** {@code 2021-03} → "Marzo de 2021"; {@code 2021} → "Año completo de 2021". */
    public static String label(String period) {
        String selected = part(period);
        String name = choices(period).stream().filter(c -> c.value().equals(selected)).map(Choice::label).findFirst()
                .orElse(period);
        return name + " de " + period.substring(0, 4);
    }

    /** "ene" … "dic": the trend chart's axis. */
    static String shortMonth(int month) {
        return SHORT[month - 1];
    }

    static String month(int year, int month) {
        return year + "-" + twoDigits(month);
    }

    private static String part(String period) {
        return period.length() > 5 ? period.substring(5) : "";
    }

    private static String twoDigits(int m) {
        return (m < 10 ? "0" : "") + m;
    }

    private static void add(List<Choice> out, String value, String label, String selected) {
        out.add(new Choice(value, label, value.equals(selected)));
    }
}
