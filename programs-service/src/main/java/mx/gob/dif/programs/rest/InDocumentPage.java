package mx.gob.dif.programs.rest;

import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Lists read from one plan document: sorted (stable, document order otherwise) by whitelisted keys, then paged. */
final class InDocumentPage {
    private InDocumentPage() {
    }

    static <T> Page<T> of(List<T> items, String sort, Map<String, Comparator<T>> keys, int page, int size) {
        if (sort != null && !sort.isBlank()) {
            Comparator<T> order = null;
            for (String part : sort.split(",")) {
                String key = part.trim();
                boolean desc = key.startsWith("-");
                Comparator<T> by = keys.get(desc ? key.substring(1) : key);
                if (by == null) {
                    throw ProblemException.badRequest("No se puede ordenar por '" + key + "'. Use " + String.join(", ",
                            new TreeSet<>(keys.keySet())) + " (con '-' delante para orden descendente).");
                }
                by = desc ? by.reversed() : by;
                order = order == null ? by : order.thenComparing(by);
            }
            items = new ArrayList<>(items);
            items.sort(order);
        }
        int from = (int) Math.min((long) page * size, items.size());
        int to = (int) Math.min((long) from + size, items.size());
        return new Page<>(items.subList(from, to), page, size, items.size());
    }
}
