package mx.gob.dif.console.operator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The month an operator reports (YYYY-MM) and what follows from it: the date its reports carry (the month's last
 * day, or today within the current month: the API refuses dates in the future) and the period its plan's traffic
 * lights are read for. Plain Java.
 */
public record ReportMonth(YearMonth month) {
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    /** The month named by a request parameter, or why it cannot be reported (Spanish). */
    public static Result parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return new Result(Optional.of(new ReportMonth(YearMonth.from(today))), Optional.empty());
        }
        String t = text.trim();
        if (t.length() > 7 || !FORMAT.matcher(t).matches()) {
            return refused("El mes se escribe AAAA-MM, por ejemplo 2021-03.");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            return refused("El mes " + t + " no existe: el mes va de 01 a 12.");
        }
        if (month.isAfter(YearMonth.from(today))) {
            return refused("El mes " + t + " todavía no empieza: solo se reportan meses en curso o pasados.");
        }
        return new Result(Optional.of(new ReportMonth(month)), Optional.empty());
    }

    private static Result refused(String why) {
        return new Result(Optional.empty(), Optional.of(why));
    }

    /** Either a month or the reason the text is not one. */
    public record Result(Optional<ReportMonth> month, Optional<String> error) {
    }

    /** The date the month's reports carry: its last day, or today while the month is running. */
    public LocalDate reportDate(LocalDate today) {
        LocalDate last = month.atEndOfMonth();
        return last.isAfter(today) ? today : last;
    }

    public int year() {
        return month.getYear();
    }

    @Override
    public String toString() {
        return month.toString();
    }

    /** The period of the plan page's traffic lights: the current year up to today, any other year whole. */
    public static String yearPeriod(int year, LocalDate today) {
        return year == today.getYear() ? year + "-YTD-" + today : Integer.toString(year);
    }
}
