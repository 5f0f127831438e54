package mx.gob.dif.console.operator;

import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.console.api.ActivityReport;
import mx.gob.dif.console.api.IndicatorValue;
import mx.gob.dif.console.api.ProgramProgress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The monthly report grid: one row per target of the unit's plan (grouped by program) with the month's expected
 * value and what is already reported, and a cell for the quantity to report. Each cell carries a report id fixed
 * when the form is rendered and sent back with it, so sending the same form twice (a double click, the browser's
 * resend) names the same reports and the API counts them once. Plain Java.
 */
public record ReportGrid(String month, List<Group> groups) {
    static final String QUANTITY = "cantidad-";
    static final String ID = "id-";
    static final int MAX_QUANTITY_LENGTH = 32;

    public record Group(String program, String name, List<Cell> cells) {
    }

    /** One target's row; {@code entered} is the text in the cell, {@code error} the Spanish reason it was refused. */
    public record Cell(String indicator, String description, String unit, BigDecimal expected, BigDecimal reported,
                       String status, UUID id, String entered, String error) {
        public String quantityField() {
            return QUANTITY + indicator;
        }

        public String idField() {
            return ID + indicator;
        }

        public boolean hasError() {
            return error != null;
        }

        Cell with(UUID newId, String text, String why) {
            return new Cell(indicator, description, unit, expected, reported, status, newId, text, why);
        }
    }

    /** The grid of a month from the programs' progress in that month, every cell empty with a fresh id. */
    public static ReportGrid of(String month, List<ProgramProgress> programs, Supplier<UUID> ids) {
        List<Group> groups = new ArrayList<>();
        for (ProgramProgress p : programs) {
            List<Cell> cells = new ArrayList<>();
            for (IndicatorValue v : p.indicators() == null ? List.<IndicatorValue>of() : p.indicators()) {
                cells.add(new Cell(v.indicator(), v.actionDescription(), v.unit(), v.expected(), v.value(), v.status(),
                        ids.get(), "", null));
            }
            groups.add(new Group(p.program(), p.programName(), List.copyOf(cells)));
        }
        return new ReportGrid(month, List.copyOf(groups));
    }

    /** The same grid holding what a sent form had in each cell, with the form's ids (a fresh one where the form had none). */
    public ReportGrid filledFrom(Map<String, String> form) {
        return map(c -> c.with(parseId(form.get(c.idField())).orElse(c.id()), trim(form.get(c.quantityField())), null));
    }

    /**
     * The reports of the filled cells, dated {@code date}; empty cells report nothing. A cell that is not a number
     * is refused here, beside the cell, and then nothing is sent (the grid with those errors is in the result).
     */
    public Reports reports(String orgUnit, LocalDate date) {
        List<ActivityReport> reports = new ArrayList<>();
        Map<String, String> refused = new HashMap<>();
        for (Group g : groups) {
            for (Cell c : g.cells()) {
                if (c.entered().isEmpty()) {
                    continue;
                }
                Optional<BigDecimal> quantity = number(c.entered());
                if (quantity.isEmpty()) {
                    refused.put(c.indicator(), "Escriba una cantidad con números, sin separador de miles (por ejemplo 80 o 12.5).");
                } else {
                    reports.add(new ActivityReport(c.id(), c.indicator(), orgUnit, date, quantity.get()));
                }
            }
        }
        return refused.isEmpty() ? new Reports(List.copyOf(reports), this) : new Reports(List.of(), withErrors(refused));
    }

    /** The reports to send, or none and the grid with the cells' errors. */
    public record Reports(List<ActivityReport> toSend, ReportGrid grid) {
    }

    /**
     * The grid with the API's refusal of {@code sent} shown beside the cells: each error of the problem names the
     * position of its report in the batch. An error without a position stays with the page's general message.
     */
    public ReportGrid withApiErrors(List<ActivityReport> sent, List<Problem.FieldError> errors) {
        Map<String, String> byIndicator = new HashMap<>();
        for (Problem.FieldError e : errors) {
            if (e.index() != null && e.index() >= 0 && e.index() < sent.size() && e.message() != null) {
                byIndicator.merge(sent.get(e.index()).indicator(), e.message(), (a, b) -> a + " " + b);
            }
        }
        return withErrors(byIndicator);
    }

    public boolean isEmpty() {
        return groups.stream().allMatch(g -> g.cells().isEmpty());
    }

    public long errorCount() {
        return groups.stream().flatMap(g -> g.cells().stream()).filter(Cell::hasError).count();
    }

    private ReportGrid withErrors(Map<String, String> byIndicator) {
        return map(c -> c.with(c.id(), c.entered(), byIndicator.get(c.indicator())));
    }

    private ReportGrid map(java.util.function.UnaryOperator<Cell> change) {
        return new ReportGrid(month, groups.stream()
                .map(g -> new Group(g.program(), g.name(), g.cells().stream().map(change).toList())).toList());
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return text == null || text.length() != 36 ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> number(String text) {
        if (text.length() > MAX_QUANTITY_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
