package mx.gob.dif.indicators.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period inside one fiscal year: {@code 2021} (year), {@code 2021-S1} (semester),
 * {@code 2021-Q3} (quarter), {@code 2021-03} (month), or year-to-date at a date,
 * {@code 2021-YTD-2021-05-15} — months 1 to 5 — also written as the bare date {@code 2021-05-15}.
 */
public record Period(String label, int year, int firstMonth, int lastMonth) {
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern SEMESTER = Pattern.compile("^(\\d{4})-S([12])$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern YTD = Pattern.compile("^(\\d{4})-YTD-(\\d{4}-\\d{2}-\\d{2})$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");

    public Period {
        if (firstMonth < 1 || lastMonth > 12 || firstMonth > lastMonth) {
            throw new IllegalArgumentException("months out of range: " + firstMonth + ".." + lastMonth);
        }
    }

    /** @throws IllegalArgumentException with a Spanish message when the text is not a period */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Falta el periodo: use 2021, 2021-S1, 2021-Q3, 2021-03 o 2021-YTD-2021-05-15.");
        }
        String t = text.trim().toUpperCase();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            return new Period(t, Integer.parseInt(m.group(1)), 1, 12);
        }
        if ((m = SEMESTER.matcher(t)).matches()) {
            int s = Integer.parseInt(m.group(2));
            return new Period(t, Integer.parseInt(m.group(1)), s * 6 - 5, s * 6);
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int q = Integer.parseInt(m.group(2));
            return new Period(t, Integer.parseInt(m.group(1)), q * 3 - 2, q * 3);
        }
        if ((m = MONTH.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("El mes " + m.group(2) + " no existe; use 01 a 12.");
            }
            return new Period(t, Integer.parseInt(m.group(1)), month, month);
        }
        if ((m = YTD.matcher(t)).matches() || (m = DATE.matcher(t)).matches()) {
            String date = m.groupCount() == 2 ? m.group(2) : t;
            LocalDate d;
            try {
                d = LocalDate.parse(date);
            } catch (Exception e) {
                throw new IllegalArgumentException("La fecha " + date + " del periodo no existe.");
            }
            if (d.getYear() != Integer.parseInt(m.group(1))) {
                throw new IllegalArgumentException("La fecha del acumulado debe caer en el año " + m.group(1) + ".");
            }
            return new Period(d.getYear() + "-YTD-" + d, d.getYear(), 1, d.getMonthValue());
        }
        throw new IllegalArgumentException("Periodo '" + text + "' no reconocido: use 2021, 2021-S1, 2021-Q3, 2021-03 o 2021-YTD-2021-05-15.");
    }

    public boolean contains(int month) {
        return month >= firstMonth && month <= lastMonth;
    }
}
