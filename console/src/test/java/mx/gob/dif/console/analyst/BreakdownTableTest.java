package mx.gob.dif.console.analyst;

import mx.gob.dif.console.api.IndicatorBreakdown.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakdownTableTest {
    private static final List<Row> ROWS = List.of(
            row("10007", "Gómez Palacio", "5", "RED", true),
            row("10005", "Durango", "30", "GREEN", true),
            row("10039", "Vicente Guerrero", null, null, false),
            row("10012", "Lerdo", "0", "YELLOW", false));

    private static Row row(String unit, String name, String value, String status, boolean reported) {
        BigDecimal v = value == null ? null : new BigDecimal(value);
        return new Row(unit, name, v, v, v, v, status, reported);
    }

    private static List<String> order(BreakdownTable.Column c, boolean descending) {
        return BreakdownTable.of(ROWS, c, descending).rows().stream().map(Row::orgUnit).toList();
    }

    @Test
    void sortsByEachColumnBothWays() {
        assertEquals(List.of("10005", "10007", "10012", "10039"), order(BreakdownTable.Column.UNIDAD, false));
        assertEquals(List.of("10039", "10012", "10007", "10005"), order(BreakdownTable.Column.UNIDAD, true));
        assertEquals(List.of("10012", "10007", "10005", "10039"), order(BreakdownTable.Column.VALOR, false));
        assertEquals(List.of("10005", "10007", "10012", "10039"), order(BreakdownTable.Column.VALOR, true));
        assertEquals(List.of("10007", "10012", "10005", "10039"), order(BreakdownTable.Column.SEMAFORO, false));
        assertEquals(List.of("10012", "10039", "10005", "10007"), order(BreakdownTable.Column.REPORTO, false));
    }

    @Test
    void aUnitWithoutAValueIsLastBothWays() {
        for (BreakdownTable.Column c : List.of(BreakdownTable.Column.META, BreakdownTable.Column.AVANCE, BreakdownTable.Column.ESPERADO)) {
            assertEquals("10039", order(c, false).get(3), c.name());
            assertEquals("10039", order(c, true).get(3), c.name());
        }
    }

    @Test
    void headingsLinkToTheOtherDirectionAndSayTheOrder() {
        BreakdownTable t = BreakdownTable.of(ROWS, BreakdownTable.Column.AVANCE, false);
        BreakdownTable.Heading avance = t.headings().stream().filter(h -> h.key().equals("avance")).findFirst().orElseThrow();
        BreakdownTable.Heading valor = t.headings().stream().filter(h -> h.key().equals("valor")).findFirst().orElseThrow();
        assertEquals("ascending", avance.ariaSort());
        assertEquals("desc", avance.nextDirection());
        assertEquals("none", valor.ariaSort());
        assertEquals("asc", valor.nextDirection());
        assertEquals(BreakdownTable.Column.values().length, t.headings().size());
    }

    @Test
    void programsShowTheirMostDelayedLight() {
        assertEquals("RED", TrafficLight.worst(List.of("GREEN", "RED", "YELLOW")));
        assertEquals("YELLOW", TrafficLight.worst(java.util.Arrays.asList("GREEN", null, "YELLOW")));
        assertEquals(null, TrafficLight.worst(java.util.Arrays.asList(null, "?")));
        assertEquals(null, TrafficLight.worst(List.of()));
    }
}
