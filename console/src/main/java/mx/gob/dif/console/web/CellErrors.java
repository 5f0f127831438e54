package mx.gob.dif.console.web;

import io.quarkus.qute.TemplateData;
import mx.gob.dif.common.rest.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file's errors as the API named them (problem+json {@code errors} with {@code row} and {@code column}), grouped
 * by sheet and row in the file's order, so a page shows each row's messages next to that row.
 */
@TemplateData
public record CellErrors(String sheet, Integer row, List<Problem.FieldError> errors) {

    /**
     * Groups by sheet (the error's {@code field} when {@code bySheet}, as the plan import names it) and row; errors
     * without a row (about the whole file) come first, in one group of their own.
     */
    public static List<CellErrors> of(List<Problem.FieldError> errors, boolean bySheet) {
        Map<String, CellErrors> groups = new LinkedHashMap<>();
        errors.stream().filter(e -> e.row() == null).forEach(e -> add(groups, bySheet ? e.field() : null, null, e));
        errors.stream().filter(e -> e.row() != null).forEach(e -> add(groups, bySheet ? e.field() : null, e.row(), e));
        return List.copyOf(groups.values());
    }

    private static void add(Map<String, CellErrors> groups, String sheet, Integer row, Problem.FieldError e) {
        groups.computeIfAbsent(Objects.toString(sheet, "") + "|" + Objects.toString(row, ""),
                k -> new CellErrors(sheet, row, new ArrayList<>())).errors().add(e);
    }
}
