package mx.gob.dif.indicators.api;

import java.math.BigDecimal;

/** One month of a period with reports: v(m) summed over the unit's subtree, and how many reports. */
public record MonthPoint(int month, BigDecimal value, long reports) {
}
