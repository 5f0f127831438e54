package mx.gob.dif.console.api;

import java.math.BigDecimal;

/** One indicator of a unit over a period, as indicators-service answers it (the fields the console shows). */
public record IndicatorValue(String indicator, String method, String unit, BigDecimal target, BigDecimal value,
                             BigDecimal percent, BigDecimal expected, String status, String actionCode,
                             String actionDescription) {
}
