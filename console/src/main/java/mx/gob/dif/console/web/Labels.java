package mx.gob.dif.console.web;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How pages write the API's values for people ({@code label:} in templates): numbers the Mexican way, traffic
 * lights and reporting-month states in Spanish words, month names.
 */
@TemplateExtension(namespace = "label")
public final class Labels {
    public static final Locale MEXICO = Locale.forLanguageTag("es-MX");

    private Labels() {
    }

    /** 1234.5 → "1,234.5"; absent → "—". */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(MEXICO);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    public static String percent(BigDecimal value) {
        return value == null ? "—" : number(value) + " %";
    }

    public static String light(String status) {
        if (status == null) {
            return "Sin dato";
        }
        return switch (status) {
            case "GREEN" -> "Verde";
            case "YELLOW" -> "Amarillo";
            case "RED" -> "Rojo";
            default -> status;
        };
    }

    /** The CSS class suffix of a light (light-GREEN…), NONE when there is none. */
    public static String lightClass(String status) {
        return status == null || !(status.equals("GREEN") || status.equals("YELLOW") || status.equals("RED")) ? "NONE" : status;
    }

    public static String monthStatus(String status) {
        if (status == null) {
            return "Sin dato";
        }
        return switch (status) {
            case "OPEN" -> "Abierto (sin enviar)";
            case "SUBMITTED" -> "Enviado, en revisión del estado";
            case "ACCEPTED" -> "Aceptado por el estado (cerrado)";
            case "RETURNED" -> "Devuelto por el estado para corregir";
            case "REOPENED" -> "Reabierto";
            default -> status;
        };
    }

    /** "2021-03" → "marzo de 2021". */
    public static String monthName(String month) {
        YearMonth m = YearMonth.parse(month);
        return m.getMonth().getDisplayName(TextStyle.FULL, MEXICO) + " de " + m.getYear();
    }
}
