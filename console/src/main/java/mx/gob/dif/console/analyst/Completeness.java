package mx.gob.dif.console.analyst;

import mx.gob.dif.console.api.ReportingCompleteness;

import java.util.Comparator;
import java.util.List;

/**
 * Who has reported a month: the API's answer, and apart from it the units that were due and still miss reports
 * (by name), which is what the analyst acts on.
 */
public record Completeness(ReportingCompleteness source, List<ReportingCompleteness.Unit> missing, String monthLabel) {

    static Completeness of(ReportingCompleteness c, String monthLabel) {
        List<ReportingCompleteness.Unit> missing = c.units().stream().filter(u -> u.missing() > 0)
                .sorted(Comparator.comparing(ReportingCompleteness.Unit::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .toList();
        return new Completeness(c, missing, monthLabel);
    }
}
