package mx.gob.dif.console.charts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarChartTest {

    private static BarChart.Point p(String label, String value, String tone) {
        return new BarChart.Point(label, value == null ? null : new BigDecimal(value), tone);
    }

    @Test
    void theAxisEndsAtARoundNumberAboveTheLargestValue() {
        assertEquals(1, BarChart.niceMax(List.of(p("a", null, null), p("b", "0", null))));
        assertEquals(50, BarChart.niceMax(List.of(p("a", "42", null))));
        assertEquals(200, BarChart.niceMax(List.of(p("a", "101", null), p("b", "7", null))));
        assertEquals(1000, BarChart.niceMax(List.of(p("a", "1000", null))));
        assertEquals(0.5, BarChart.niceMax(List.of(p("a", "0.3", null))), 1e-9);
    }

    @Test
    void columnsAreProportionalToTheirValuesAndAnAbsentValueHasNoBar() {
        BarChart c = BarChart.columns("t", List.of(p("ene", "10", null), p("feb", "5", "GREEN"), p("mar", null, null), p("abr", "20", null)));
        assertEquals(4, c.bars().size());
        BarChart.Bar ene = c.bars().get(0);
        BarChart.Bar feb = c.bars().get(1);
        BarChart.Bar abr = c.bars().get(3);
        assertEquals(ene.h(), 2 * feb.h(), 0.11);
        assertEquals(abr.h(), 2 * ene.h(), 0.11);
        assertEquals(0, c.bars().get(2).h());
        assertEquals("—", c.bars().get(2).valueText());
        assertEquals("green", feb.tone());
        assertEquals("plain", ene.tone());
        assertTrue(ene.x() < feb.x() && feb.x() < abr.x(), "left to right in the given order");
        assertEquals(ene.y() + ene.h(), feb.y() + feb.h(), 0.11, "bars stand on the same baseline");
        assertEquals(BarChart.TICKS + 1, c.ticks().size());
        assertEquals("20", c.ticks().get(BarChart.TICKS).text());
    }

    @Test
    void rowsKeepTheTablesOrderTopToBottomAndTheChartGrowsWithThem() {
        BarChart few = BarChart.rows("t", List.of(p("Durango", "30", "GREEN"), p("Lerdo", "0", "RED")));
        BarChart many = BarChart.rows("t", java.util.Collections.nCopies(40, p("x", "1", null)));
        assertTrue(few.bars().get(0).y() < few.bars().get(1).y());
        assertEquals("Durango", few.bars().get(0).label());
        assertEquals(0, few.bars().get(1).w());
        assertTrue(many.height() > few.height());
    }

}
