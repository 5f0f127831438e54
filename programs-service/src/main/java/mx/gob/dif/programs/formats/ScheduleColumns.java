package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.programs.domain.CalendarMonth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A target's monthly schedule as 12 columns {@code programado_ene} … {@code programado_dic}, shared by the
 * workbook (sheet Metas) and the plan CSV. Optional in both: a file without them imports as before, and
 * they are written only when some target of the plan has a schedule. An empty cell is an empty month
 * ({@code null} in the document, read as 0), so the round trip is lossless; a row whose 12 cells are all
 * empty has no schedule.
 */
final class ScheduleColumns {
    static final List<String> HEADERS = CalendarMonth.CODES.stream().map(m -> "programado_" + m.toLowerCase(Locale.ROOT)).toList();

    private ScheduleColumns() {
    }

    /** Whether {@code header}, from position {@code first} on, names the 12 schedule columns (case-insensitive). */
    static boolean present(List<String> header, int first) {
        if (header.size() < first + HEADERS.size()) {
            return false;
        }
        for (int i = 0; i < HEADERS.size(); i++) {
            String h = header.get(first + i);
            if (h == null || !HEADERS.get(i).equalsIgnoreCase(h.trim())) {
                return false;
            }
        }
        return true;
    }

    /** Whether any target of the plan has a schedule: then the columns are written. */
    static boolean inPlan(JsonNode plan) {
        for (JsonNode p : plan.path("programs")) {
            for (JsonNode a : p.path("actions")) {
                for (JsonNode t : a.path("targets")) {
                    if (t.hasNonNull("schedule")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The 12 cells of a target (JSON values; null for an empty cell), or 12 nulls when it has no schedule. */
    static List<JsonNode> cells(JsonNode target) {
        JsonNode s = target.path("schedule");
        List<JsonNode> out = new ArrayList<>(HEADERS.size());
        for (int m = 0; m < HEADERS.size(); m++) {
            JsonNode v = s.isArray() ? s.get(m) : null;
            out.add(v == null || v.isNull() ? null : v);
        }
        return out;
    }

    /** Sets {@code schedule} on the target from its 12 cells (null for empty ones); nothing when all are empty. */
    static void put(ObjectNode target, List<JsonNode> cells) {
        if (cells.stream().allMatch(c -> c == null)) {
            return;
        }
        ArrayNode schedule = target.putArray("schedule");
        cells.forEach(c -> {
            if (c == null) {
                schedule.addNull();
            } else {
                schedule.add(c);
            }
        });
    }
}
