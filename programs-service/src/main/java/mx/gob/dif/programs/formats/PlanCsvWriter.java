package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.common.csv.CsvCells;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static mx.gob.dif.programs.formats.CsvLayout.CASE_METRIC;
import static mx.gob.dif.programs.formats.CsvLayout.HEADERS;

/**
 * Writes a plan as the plan CSV ({@link CsvLayout}) with Commons CSV in the platform's one dialect
 * ({@link CsvCells#FORMAT}). Text cells go through the formula guard ({@link CsvText#write});
 * numbers are written as plain numbers. {@link PlanCsvReader} reads it back to the same plan.
 */
public final class PlanCsvWriter {

    private PlanCsvWriter() {
    }

    public static String write(JsonNode plan) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = CsvCells.FORMAT.print(out)) {
            List<String> header = new ArrayList<>(HEADERS);
            header.add(CASE_METRIC);
            boolean schedules = ScheduleColumns.inPlan(plan);
            if (schedules) {
                header.addAll(ScheduleColumns.HEADERS);
            }
            printer.printRecord(header);
            for (JsonNode p : plan.path("programs")) {
                String months = String.join(" ", p.path("calendarMonths").valueStream().map(JsonNode::asText).toList());
                JsonNode investment = p.path("investment");
                for (JsonNode a : p.path("actions")) {
                    for (JsonNode t : a.path("targets")) {
                        String components = String.join(" ", t.path("components").valueStream().map(JsonNode::asText).toList());
                        List<String> row = new ArrayList<>(List.of(cell(p.get("code")), cell(p.get("name")), CsvText.write(months),
                                cell(investment.get("total")), cell(investment.get("municipal")), cell(investment.get("otherSources")),
                                cell(a.get("code")), cell(a.get("description")), cell(t.get("indicatorCode")), cell(t.get("unit")),
                                cell(t.get("target")), cell(t.get("method")), CsvText.write(components),
                                cell(t.get("formula")), cell(t.get("caseMetric"))));
                        if (schedules) {
                            ScheduleColumns.cells(t).forEach(c -> row.add(cell(c)));
                        }
                        printer.printRecord(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A number as a plain number, anything else as guarded text; empty when missing or null. */
    private static String cell(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        return n.isNumber() ? n.decimalValue().toPlainString() : CsvText.write(n.asText());
    }
}
