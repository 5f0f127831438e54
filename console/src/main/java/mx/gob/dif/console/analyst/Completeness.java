package mx.gob.dif.console.analyst;

import io.quarkus.qute.TemplateExtension;
import mx.gob.dif.console.api.ReportingCompleteness;

import java.util.Comparator;
import java.util.List;

/**
 * Who has reported a month: the API's answer, and apart from it the units that were due and still miss reports
 * (by name), which is what the analyst acts on.
 */
public record Completeness(ReportingCompleteness source, List<ReportingCompleteness.Unit> missing,
                           List<Periods.Choice> months, String monthLabel) {

    /** A month's submission status in Spanish ({@code {submission:label(unit.submission)}}). */
    @TemplateExtension(namespace = "submission")
    static String label(String status) {
        return switch (status == null ? "NONE" : status) {
            case "SUBMITTED" -> "Enviado";
            case "ACCEPTED" -> "Aceptado";
            case "RETURNED" -> "Devuelto";
            case "REOPENED" -> "Reabierto";
            case "OPEN" -> "Abierto";
            case "NONE" -> "Sin enviar";
            default -> status;
        };
    }

    static Completeness of(ReportingCompleteness c, List<Periods.Choice> months, String monthLabel) {
        List<ReportingCompleteness.Unit> missing = c.units().stream().filter(u -> u.missing() > 0)
                .sorted(Comparator.comparing(ReportingCompleteness.Unit::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .toList();
        return new Completeness(c, missing, months, monthLabel);
    }
}
