package mx.gob.dif.cases.documents;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Spanish (Mexico) wording shared by every document: long dates, month names and
 * accent-insensitive keys. Month names are spelled out here instead of relying on the JDK's
 * locale data, so the output does not change with the runtime's CLDR version.
 */
public final class SpanishText {

    private static final String[] MONTHS = {
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"
    };
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s_]+");

    private SpanishText() {
    }

    /** "enero" … "diciembre" for 1 … 12. */
    public static String monthName(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1..12: " + month);
        }
        return MONTHS[month - 1];
    }

    /** "14 de marzo de 2021". */
    public static String longDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return date.getDayOfMonth() + " de " + monthName(date.getMonthValue()) + " de " + date.getYear();
    }

    /** "Durango, Dgo., a 14 de marzo de 2021"; without a place: "14 de marzo de 2021". */
    public static String placeAndDate(String place, LocalDate date) {
        return isBlank(place) ? longDate(date) : place.strip() + ", a " + longDate(date);
    }

    /** "14/03/2021". */
    public static String shortDate(LocalDate date) {
        return SHORT.format(Objects.requireNonNull(date, "date"));
    }

    /** "marzo de 2021". */
    public static String monthAndYear(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return monthName(month.getMonthValue()) + " de " + month.getYear();
    }

    /** "Marzo de 2021" (sentence case, for titles). */
    public static String capitalizedMonthAndYear(YearMonth month) {
        String text = monthAndYear(month);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Comparison key that ignores case, accents, surrounding blanks, runs of blanks and
     * underscores: "  Edad_Mínima " and "edad minima" give the same key.
     */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(plain.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The stripped text; {@link IllegalArgumentException} naming the field if it is null or blank. */
    static String required(String value, String field) {
        String cleaned = clean(value);
        if (cleaned == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return cleaned;
    }

    /** {@code null} for a blank text, the stripped text otherwise. */
    public static String clean(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
