package mx.gob.dif.events;

import java.math.BigDecimal;

/** The year value of an indicator for one org unit changed. */
public record IndicatorUpdated(
        String indicator,
        String orgUnit,
        int fiscalYear,
        String period,
        String method,
        BigDecimal target,
        BigDecimal value,
        BigDecimal percent) {
}
