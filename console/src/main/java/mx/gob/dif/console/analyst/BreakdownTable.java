package mx.gob.dif.console.analyst;

import mx.gob.dif.console.api.IndicatorBreakdown.Row;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The breakdown's rows sorted on the server by the column a person picked: each column heading is a link that sorts
 * by it (again: the other way), so sorting needs no script and works from the keyboard; {@code aria-sort} tells
 * screen readers the order. Units without a value sort last either way.
 */
public record BreakdownTable(List<Row> rows, List<Heading> headings, Column column, boolean descending) {

    /** The sortable columns, by the word used in the address ({@code ?orden=avance&dir=desc}). */
    public enum Column {
        UNIDAD("unidad", "Unidad", Comparator.comparing(Row::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)), null),
        META("meta", "Meta", Row::target),
        VALOR("valor", "Valor", Row::value),
        AVANCE("avance", "Avance (%)", Row::percent),
        ESPERADO("esperado", "Esperado", Row::expected),
        SEMAFORO("semaforo", "Semáforo", Comparator.comparingInt(r -> TrafficLight.rank(r.status())), null),
        REPORTO("reporto", "¿Reportó?", Comparator.comparing(Row::reported), null);

        private final String key;
        private final String label;
        private final Comparator<Row> order;
        /** The number a numeric column sorts by (null for the others). */
        private final Function<Row, BigDecimal> number;

        Column(String key, String label, Function<Row, BigDecimal> number) {
            this(key, label, Comparator.comparing(number, Comparator.nullsLast(Comparator.naturalOrder())), number);
        }

        Column(String key, String label, Comparator<Row> order, Function<Row, BigDecimal> number) {
            this.key = key;
            this.label = label;
            this.order = order;
            this.number = number;
        }

        public String key() {
            return key;
        }

        public static Optional<Column> byKey(String key) {
            return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
        }
    }

    /** A column heading: its link's sort words and what {@code aria-sort} says now. */
    public record Heading(String label, String key, String nextDirection, String ariaSort) {
    }

    public static BreakdownTable of(List<Row> rows, Column column, boolean descending) {
        Comparator<Row> order = descending ? column.order.reversed() : column.order;
        if (column.number != null) {
            // a unit without a value goes last in both directions
            order = Comparator.<Row, Boolean>comparing(r -> column.number.apply(r) == null).thenComparing(order);
        }
        List<Row> sorted = rows.stream().sorted(order.thenComparing(Row::orgUnit, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Heading> headings = Arrays.stream(Column.values()).map(c -> new Heading(c.label, c.key,
                c == column && !descending ? "desc" : "asc",
                c != column ? "none" : descending ? "descending" : "ascending")).toList();
        return new BreakdownTable(sorted, headings, column, descending);
    }
}
